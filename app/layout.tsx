import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/ui/i18n-provider";
import { UploadProvider } from "@/components/upload";
import { messagesFor, translator } from "@/lib/i18n";
import { upload } from "@/lib/i18n/upload";
import { getRequestLocale } from "./request-locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await getRequestLocale());
  return { title: t("app.name"), description: t("app.tagline") };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0a0a0a" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getRequestLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <I18nProvider locale={locale} messages={messagesFor(locale)}>
          {/* Uploads live in the root layout so they keep going while the user moves between pages. */}
          <UploadProvider locale={locale} strings={upload[locale]}>
            {children}
          </UploadProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
