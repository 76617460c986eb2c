import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { UploadProvider } from "@/components/upload";
import { getUploadLocale } from "@/components/upload/upload-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: "Docent",
  description: "Chat with your documents, with citations.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0a0a0a" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Uploads live in the layout so they keep going while the user moves between pages.
  const { locale, strings } = await getUploadLocale();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <UploadProvider locale={locale} strings={strings}>
          {children}
        </UploadProvider>
      </body>
    </html>
  );
}
