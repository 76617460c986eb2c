import { intlLocale, type Locale } from "@/lib/i18n/locale";

export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(count);
}

/** A latency: milliseconds below a second, seconds with one decimal above. */
export function formatDuration(ms: number, locale: Locale): string {
  const seconds = ms >= 1000;
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "unit",
    unit: seconds ? "second" : "millisecond",
    unitDisplay: "short",
    maximumFractionDigits: seconds ? 1 : 0,
  }).format(seconds ? ms / 1000 : ms);
}

/** A retrieval score: fused scores are small fractions, so significant digits rather than decimals. */
export function formatScore(score: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumSignificantDigits: 3 }).format(score);
}
