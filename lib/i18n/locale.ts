/** The languages the UI speaks. */
export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];

/** The cookie that remembers a language the user picked over their browser's. */
export const LOCALE_COOKIE = "docent-locale";

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/**
 * The UI language for a request: the user's pick (cookie) when there is one, else the first
 * Accept-Language entry we speak (any Chinese variant → Simplified Chinese), else English.
 */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((entry) => {
      const [tag = "", ...params] = entry.trim().toLowerCase().split(";");
      const q = params.find((param) => param.trim().startsWith("q="));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}

/** The BCP 47 tag Intl formats numbers and dates with for a UI language. */
export const intlLocale = (locale: Locale): string => (locale === "zh" ? "zh-CN" : "en");
