import type { Locale } from "@/lib/i18n/locale";
import { intlLocale } from "./admin-strings";

const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** A byte count as people read it: "2.4 MB", in decimal units like file managers show. */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "unit",
    unit: BYTE_UNITS[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

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
