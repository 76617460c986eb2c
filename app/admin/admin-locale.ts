import { admin } from "@/lib/i18n/admin";
import type { Locale } from "@/lib/i18n/locale";
import { getRequestLocale } from "../request-locale";

/** The admin pages' language and their strings, which server components hand to client ones. */
export async function getAdminLocale(): Promise<{ locale: Locale; strings: (typeof admin)[Locale] }> {
  const locale = await getRequestLocale();
  return { locale, strings: admin[locale] };
}
