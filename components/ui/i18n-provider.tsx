"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { Locale, MessageKey, Messages } from "@/lib/i18n";
import { tableTranslator } from "@/lib/i18n/table-translator";

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const I18nContext = createContext<{ locale: Locale; messages: Messages } | null>(null);

/**
 * Gives client components the strings of the request's language. The server passes one locale's
 * table, so the browser never downloads the catalogs of the other language.
 */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  return <I18nContext.Provider value={{ locale, messages }}>{children}</I18nContext.Provider>;
}

function useI18n() {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useT() needs an <I18nProvider> above it (the root layout has one)");
  return context;
}

/** The UI language of the page. */
export const useLocale = (): Locale => useI18n().locale;

/** Looks up a UI string; `vars` fill its `{name}` placeholders. */
export function useT(): Translate {
  const { messages } = useI18n();
  return useMemo(() => tableTranslator<MessageKey>(messages), [messages]);
}
