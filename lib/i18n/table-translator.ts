/** Values for a string's `{name}` placeholders. */
export type Placeholders = Record<string, string | number>;

/**
 * Looks keys up in one locale's table of strings and fills `{name}` placeholders; a placeholder
 * without a value stays as written. Has no catalogs of its own, so client code can use it on the
 * one table it was handed without bundling every language.
 */
export function tableTranslator<Key extends string>(table: Record<Key, string>) {
  return (key: Key, vars?: Placeholders): string =>
    vars
      ? table[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole))
      : table[key];
}
