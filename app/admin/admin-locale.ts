import { cookies, headers } from "next/headers";
import { admin } from "@/lib/i18n/admin";
import { LOCALE_COOKIE, type Locale, pickLocale } from "@/lib/i18n/locale";

/**
 * The admin pages' language and their strings: the user's pick (cookie), else Accept-Language.
 * Stands in for the app-wide request locale helper until the admin pages can share it.
 */
export async function getAdminLocale(): Promise<{ locale: Locale; strings: (typeof admin)[Locale] }> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return { locale, strings: admin[locale] };
}
