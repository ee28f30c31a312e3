"use client";

import { useLocale } from "next-intl";
import { useCallback } from "react";
import { formatDate, formatDateTime, type Locale } from "@innspill/domain/shared";

/** Date formatting in the user's language, always in Europe/Oslo. */
export function useDates() {
  const locale = (useLocale() === "en" ? "en" : "nb") as Locale;
  return {
    date: useCallback((d: string) => formatDate(d, locale), [locale]),
    dateTime: useCallback((d: Date) => formatDateTime(d, locale), [locale]),
  };
}
