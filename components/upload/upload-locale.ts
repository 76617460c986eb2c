import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, type Locale, pickLocale } from "@/lib/i18n/locale";
import { upload } from "@/lib/i18n/upload";
import type { UploadStrings } from "./upload-strings";

/**
 * The request's language and the upload strings in it, for the server component that mounts
 * UploadProvider. Stands in for the app-wide request locale helper, as the admin's does.
 */
export async function getUploadLocale(): Promise<{ locale: Locale; strings: UploadStrings }> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return { locale, strings: upload[locale] };
}
