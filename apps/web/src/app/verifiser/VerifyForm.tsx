"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, buttonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useDomainText } from "@/lib/errors";

type Result =
  | { status: "draft" | "unknown"; valid: false; sha256: string }
  | {
      status: "signed";
      valid: true;
      sha256: string;
      organisation: string;
      title: string;
      hearing: string;
      revision: number;
      snapshotSha256: string;
      signedAt: string;
      signatures: { name: string; at: string; passkeyCredentialId?: string | null }[];
    };

export function VerifyForm() {
  const t = useTranslations("verify");
  const { dateTime } = useDates();
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const domainText = useDomainText();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          setResult(null);
          try {
            const res = await fetch("/api/verifiser", {
              method: "POST",
              body: new FormData(e.currentTarget),
            });
            // Errors come as every route handler's: a message key (shown in the user's language) and its text.
            const body = (await res.json()) as Result | { messageKey: string; message: string };
            if ("messageKey" in body) setError(domainText(body.messageKey));
            else setResult(body);
          } catch {
            setError(t("failed"));
          } finally {
            setBusy(false);
          }
        }}
      >
        <input
          type="file"
          name="file"
          accept="application/pdf"
          required
          aria-label={t("file")}
          data-testid="verify-file"
        />
        <button type="submit" className={buttonClass} disabled={busy}>
          {busy ? t("checking") : t("check")}
        </button>
      </form>
      <div className="mt-4" data-testid="verify-result">
        {error ? <Alert>{error}</Alert> : null}
        {result?.status === "unknown" ? (
          <div
            role="status"
            className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-900"
          >
            <p className="font-semibold">{t("unknownTitle")}</p>
            <p className="mt-1">{t("unknown")}</p>
            <p className="mt-1 break-all font-mono text-xs">{result.sha256}</p>
          </div>
        ) : null}
        {result?.status === "draft" ? (
          <div
            role="status"
            className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          >
            <p className="font-semibold">{t("draftTitle")}</p>
            <p className="mt-1">{t("draft")}</p>
            <p className="mt-1 break-all font-mono text-xs">{result.sha256}</p>
          </div>
        ) : null}
        {result?.status === "signed" ? (
          <Alert kind="success">
            <p className="font-semibold">{t("valid")}</p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt>{t("letter")}</dt>
              <dd>
                {result.title} ({result.organisation})
              </dd>
              <dt>{t("hearing")}</dt>
              <dd>{result.hearing}</dd>
              <dt>{t("content")}</dt>
              <dd className="break-all font-mono text-xs">{result.snapshotSha256}</dd>
              <dt>{t("document")}</dt>
              <dd className="break-all font-mono text-xs">{result.sha256}</dd>
              {result.signatures.map((s) => (
                <div key={s.name} className="contents">
                  <dt>{t("signedBy")}</dt>
                  <dd>
                    {s.name}, {dateTime(new Date(s.at))}
                    {s.passkeyCredentialId ? (
                      <span className="block break-all font-mono text-xs" data-testid="verify-passkey">
                        {t("passkey", { id: s.passkeyCredentialId })}
                      </span>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
          </Alert>
        ) : null}
      </div>
    </>
  );
}
