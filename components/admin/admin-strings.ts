import type { admin } from "@/lib/i18n/admin";
import type { Locale } from "@/lib/i18n/locale";

export type AdminKey = keyof (typeof admin)["en"];
/** The admin strings of one locale, as server components pass them to client components. */
export type AdminStrings = Record<AdminKey, string>;
export type AdminTranslate = (key: AdminKey, vars?: Record<string, string | number>) => string;

/**
 * Looks up admin strings and fills `{name}` placeholders. Client components get only the admin table
 * of one locale as a prop, instead of bundling every catalog in both languages.
 */
export function adminTranslator(strings: AdminStrings): AdminTranslate {
  return (key, vars) =>
    vars
      ? strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole))
      : strings[key];
}

/** The BCP 47 tag Intl formats a UI locale with. */
export const intlLocale = (locale: Locale) => (locale === "zh" ? "zh-CN" : "en");
