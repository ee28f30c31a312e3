"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { RenderStatus } from "@innspill/domain/shared";
import { Alert, Card, buttonClass, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { usePreview } from "./usePreview";

const STEPS: RenderStatus[] = ["QUEUED", "ASSEMBLING", "RENDERING", "DONE"];
const FINAL: RenderStatus[] = ["DONE", "FAILED"];

/** Asks the worker for the PDF and the DOCX, shows its progress live, and offers both downloads. */
export function RenderPanel({
  id,
  flush,
  busy,
  blocked,
}: {
  id: string;
  /** Saves pending edits first: the documents are made from the saved letter. */
  flush: () => Promise<boolean>;
  busy: boolean;
  blocked: boolean;
}) {
  const t = useTranslations("submissions");
  // A known reason (the worker stores its key) in the reader's language; any other as the worker wrote it.
  const failureReason = (reason: string | null) =>
    reason && t.has(`renderReasons.${reason}`) ? t(`renderReasons.${reason}` as never) : (reason ?? "");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const latest = useQuery(trpc.submission.latestRender.queryOptions({ id }));
  const preview = usePreview(id);
  const [renderId, setRenderId] = useState<string | null>(null);
  const current = renderId ?? latest.data?.id ?? null;
  const status = useQuery({
    ...trpc.submission.renderStatus.queryOptions({ id: current ?? "" }),
    enabled: !!current,
    refetchInterval: (q) => (q.state.data && FINAL.includes(q.state.data.status) ? false : 1000),
  });
  const render = useMutation(trpc.submission.render.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setError(null);
    if (!(await flush())) return;
    try {
      const r = await render.mutateAsync({ id });
      setRenderId(r.id);
    } catch (err) {
      setError(errorText(err));
    }
  }

  const r = status.data;
  const outdated = r && preview.data && r.snapshotSha256 !== preview.data.snapshotSha256;
  const step = r ? STEPS.indexOf(r.status) : -1;

  return (
    <Card title={t("documents")}>
      <button
        type="button"
        className={buttonClass}
        onClick={() => void start()}
        disabled={busy || blocked || render.isPending || (!!r && !FINAL.includes(r.status))}
        data-testid="render"
      >
        {render.isPending ? t("requesting") : t("makeDocuments")}
      </button>
      {error ? (
        <div className="mt-2">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {r ? (
        <div className="mt-3 text-sm" data-testid="render-status" data-status={r.status}>
          {r.status === "FAILED" ? (
            <Alert>
              {t("renderFailed", { reason: failureReason(r.error) })}
              {r.attempts < 5 ? ` ${t("retrying")}` : ""}
            </Alert>
          ) : (
            <ol className="flex flex-wrap gap-2" aria-label={t("progress")}>
              {STEPS.map((s, i) => (
                <li
                  key={s}
                  aria-current={i === step ? "step" : undefined}
                  className={`rounded-full px-3 py-1 text-xs ${
                    i < step || r.status === "DONE"
                      ? "bg-emerald-100 text-emerald-900"
                      : i === step
                        ? "animate-pulse bg-blue-100 text-blue-900"
                        : "bg-slate-100 text-slate-500"
                  }`}
                >
                  {t(`renderSteps.${s}`)}
                </li>
              ))}
            </ol>
          )}
          {r.status === "DONE" ? (
            <>
              <p className="mt-3 text-slate-600">
                {t("madeAt", { time: dateTime(r.finishedAt ?? r.updatedAt) })}
                {outdated ? <strong className="ml-1 text-amber-800">{t("outdated")}</strong> : null}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <a
                  className={secondaryButtonClass}
                  href={`/api/innspill/${r.id}/pdf`}
                  data-testid="download-pdf"
                >
                  {t("downloadPdf")}
                </a>
                <a
                  className={secondaryButtonClass}
                  href={`/api/innspill/${r.id}/docx`}
                  data-testid="download-docx"
                >
                  {t("downloadDocx")}
                </a>
              </div>
              <p className="mt-2 break-all text-xs text-slate-500">
                {t("fingerprint")}: <code>{r.snapshotSha256.slice(0, 16)}</code>
              </p>
            </>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
