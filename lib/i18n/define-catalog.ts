/** A group of UI strings in every locale; a key missing from the Chinese table is a type error. */
export function defineCatalog<const English extends Record<string, string>>(catalog: {
  en: English;
  zh: Record<keyof English, string>;
}) {
  return catalog;
}
