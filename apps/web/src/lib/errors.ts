"use client";

import { TRPCClientError } from "@trpc/client";
import { useLocale, useTranslations } from "next-intl";
import { localizeParams, type Locale } from "@innspill/domain/shared";
import { useCallback, useState } from "react";

interface ErrorData {
  code?: string;
  messageKey?: string | null;
  fieldErrors?: Record<string, string[]> | null;
  details?: unknown;
}

export function errorData(err: unknown): ErrorData | null {
  return err instanceof TRPCClientError && err.data ? (err.data as ErrorData) : null;
}

/** Translates a message key from the domain (validation or AppError); unknown keys are shown as they are. */
export function useDomainText() {
  const t = useTranslations("domain");
  return useCallback((key: string) => (t.has(key) ? t(key) : key), [t]);
}

/** A notification's title and body in the user's language (older ones, stored in Norwegian only, as they are). */
export function useNotificationText() {
  const t = useTranslations("domain");
  const locale = useLocale() as Locale;
  return useCallback(
    (n: { title: string; body: string; messageKey: string | null; messageParams: unknown }) => {
      const key = n.messageKey;
      if (!key || !t.has(`${key}Title`)) return { title: n.title, body: n.body };
      // Milestone kinds by their names in this language (stored as kinds).
      const params = localizeParams(n.messageParams, locale);
      return { title: t(`${key}Title`, params), body: t(`${key}Body`, params) };
    },
    [t, locale],
  );
}

/** A clear, translated sentence for any error from the API. */
export function useErrorText() {
  const domain = useDomainText();
  const t = useTranslations("errors");
  return useCallback(
    (err: unknown): string => {
      const data = errorData(err);
      if (!data) return t("network");
      if (data.code === "INTERNAL_SERVER_ERROR") return t("internal");
      if (data.code === "BAD_REQUEST" && data.fieldErrors) return t("formHasErrors");
      if (data.messageKey) return domain(data.messageKey);
      if (data.code === "FORBIDDEN") return domain("forbidden");
      if (data.code === "UNAUTHORIZED") return domain("unauthorized");
      return t("internal");
    },
    [domain, t],
  );
}

/** The error state of a form: a sentence for the whole form, and translated messages per field. */
export function useFormErrors() {
  const errorText = useErrorText();
  const domainText = useDomainText();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  return {
    error,
    fieldError: (field: string) => {
      const key = fieldErrors[field]?.[0];
      return key ? domainText(key) : undefined;
    },
    onError: (err: unknown) => {
      setFieldErrors(errorData(err)?.fieldErrors ?? {});
      setError(errorText(err));
    },
    clear: () => {
      setError(null);
      setFieldErrors({});
    },
  };
}
