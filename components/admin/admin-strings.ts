import type { admin } from "@/lib/i18n/admin";
import { tableTranslator } from "@/lib/i18n/table-translator";

export type AdminKey = keyof (typeof admin)["en"];
/** The admin strings of one locale, as server components pass them to client components. */
export type AdminStrings = Record<AdminKey, string>;
export type AdminTranslate = (key: AdminKey, vars?: Record<string, string | number>) => string;

/**
 * Looks up admin strings and fills `{name}` placeholders. Client components get only the admin table
 * of one locale as a prop, instead of bundling every catalog in both languages.
 */
export function adminTranslator(strings: AdminStrings): AdminTranslate {
  return tableTranslator(strings);
}
