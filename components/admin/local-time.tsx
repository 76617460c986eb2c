"use client";

import { useSyncExternalStore } from "react";
import { intlLocale, type Locale } from "@/lib/i18n/locale";

const subscribeToNothing = () => () => {};

/**
 * A date and time in the reader's own time zone. The server cannot know that zone, so it renders UTC
 * (marked as such) and the browser re-renders local time once hydrated, without a hydration mismatch.
 */
export function LocalTime({ iso, locale }: { iso: string; locale: Locale }) {
  const inBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: inBrowser ? undefined : "UTC",
  }).format(new Date(iso));
  // Intl refuses a time zone name together with dateStyle, so the server's UTC is marked by hand.
  return <time dateTime={iso}>{inBrowser ? text : `${text} UTC`}</time>;
}
