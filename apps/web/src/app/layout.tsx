import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
// The letter font (Carlito, as in the PDF), for the letter preview.
import "@fontsource/carlito/latin-400.css";
import "@fontsource/carlito/latin-400-italic.css";
import "@fontsource/carlito/latin-700.css";
import "@fontsource/carlito/latin-700-italic.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Innspill", template: "%s – Innspill" },
  description: "Høringer, frister, standpunkter og innspill",
};

// Every page is rendered per request, so each gets its own script nonce (proxy.ts): a prerendered page could not.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === "en" ? "en" : "nb"}>
      <body>{children}</body>
    </html>
  );
}
