import { useLocale } from "next-intl";
import { useCallback } from "react";
import { formatDate, formatDateTime, type Locale } from "@innspill/domain/shared";

/** Date formatting (and quotation marks) in the user's language, always in Europe/Oslo. */
export function useDates() {
  const locale = (useLocale() === "en" ? "en" : "nb") as Locale;
  return {
    date: useCallback((d: string) => formatDate(d, locale), [locale]),
    dateTime: useCallback((d: Date) => formatDateTime(d, locale), [locale]),
    /** A quarter as the server names it ("2026-K4"), in the user's language: «K4 2026», "Q4 2026". */
    quarter: useCallback(
      (period: string) => {
        const m = /^(\d{4})-K([1-4])$/.exec(period);
        return m ? `${locale === "en" ? "Q" : "K"}${m[2]} ${m[1]}` : period;
      },
      [locale],
    ),
    /** A quoted text in the language's quotation marks: «…» in Norwegian, “…” in English. */
    quote: useCallback((text: string) => (locale === "en" ? `“${text}”` : `«${text}»`), [locale]),
  };
}
