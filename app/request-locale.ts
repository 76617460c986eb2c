import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, type Locale, pickLocale } from "@/lib/i18n/locale";

/** The language of this request: the user's pick (the docent-locale cookie), else Accept-Language. */
export async function getRequestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
}
