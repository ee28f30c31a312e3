"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { Action, SubmissionStatus, SubmissionView } from "@innspill/domain/shared";
import { Alert, Card, Field, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { useDomainText, useFormErrors } from "@/lib/errors";
import { useFocusLater } from "@/lib/focus";
import { useTRPC } from "@/trpc/client";

const STEPS: SubmissionStatus[] = [
  "DRAFT",
  "IN_REVIEW",
  "AWAITING_APPROVAL",
  "APPROVED",
  "SIGNING",
  "SIGNED",
  "SENT",
];
const CHANNELS = ["EPOST", "REGJERINGEN_SKJEMA", "STORTINGET", "ANNET"] as const;

/** Where the letter stands, and the next steps this user may take (the server's `actions`). */
export function WorkflowBar({
  id,
  status,
  actions,
  editVoidsApprovals,
  signedPdf,
  version,
  flush,
  onChanged,
  onOpenRevision,
  recipient,
}: {
  id: string;
  /** The letter's recipient: where it is most likely sent. */
  recipient?: string | null;
  status: SubmissionStatus;
  /** What this user may do now, as the server says. */
  actions: readonly Action[];
  /** Whether saving a change now voids the approvals and signatures (the server's answer). */
  editVoidsApprovals: boolean;
  /** The signed PDF the sending waits for: being made, failed, or ready (the server's answer; null when none). */
  signedPdf: SubmissionView["signedPdf"];
  version: () => number;
  flush: () => Promise<boolean>;
  onChanged: () => Promise<void>;
  onOpenRevision: (id: string) => void;
}) {
  const t = useTranslations("workflow");
  const trpc = useTRPC();
  const form = useFormErrors();
  const domainText = useDomainText();
  const threads = useQuery(trpc.submission.threads.queryOptions({ id }));
  const open = (threads.data ?? []).filter((x) => !x.resolvedAt).length;
  const [confirmOpen, setConfirmOpen] = useState(false);
  // After a step the focus goes to the letter's status, and what happened is said in a live region (WCAG 2.4.3,
  // 4.1.3): the button pressed is gone, and a screen reader would otherwise say nothing.
  const [statusRef, focusStatus] = useFocusLater<HTMLParagraphElement>();
  const [announcement, setAnnouncement] = useState("");
  const opts = (done: "sentForReview" | "returnedToDraft" | "approvalRequested" | "markedSent") => ({
    onError: form.onError,
    onSuccess: async () => {
      form.clear();
      await onChanged();
      setAnnouncement(t(`done.${done}`));
      focusStatus();
    },
  });
  const review = useMutation(trpc.submission.sendForReview.mutationOptions(opts("sentForReview")));
  const back = useMutation(trpc.submission.returnToDraft.mutationOptions(opts("returnedToDraft")));
  const request = useMutation(trpc.submission.requestApproval.mutationOptions(opts("approvalRequested")));
  const send = useMutation(trpc.submission.recordSending.mutationOptions(opts("markedSent")));
  const revise = useMutation(trpc.submission.createRevision.mutationOptions({ onError: form.onError }));
  const busy = review.isPending || back.isPending || request.isPending || send.isPending;
  const step = STEPS.indexOf(status);
  const may = (a: Action) => actions.includes(a);

  const run = async (action: () => Promise<unknown>) => {
    if (await flush()) await action().catch(() => undefined);
  };

  function onSend(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    send.mutate({
      id,
      sentOn: String(fd.get("sentOn") ?? ""),
      channel: String(fd.get("channel")) as (typeof CHANNELS)[number],
      recipient: String(fd.get("recipient") ?? ""),
      receipt: String(fd.get("receipt") ?? ""),
      receiptUrl: String(fd.get("receiptUrl") ?? ""),
    });
  }

  return (
    <Card title={t("title")}>
      <ol className="mb-3 flex flex-wrap gap-1 text-xs" aria-label={t("title")} data-testid="workflow-steps">
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={i === step ? "step" : undefined}
            className={`rounded-full px-2 py-0.5 ${
              i === step
                ? "bg-blue-700 font-medium text-white"
                : i < step
                  ? "bg-emerald-100 text-emerald-900"
                  : "bg-slate-100 text-slate-700"
            }`}
          >
            {t(`statuses.${s}`)}
          </li>
        ))}
      </ol>
      <p
        className="mb-3 text-sm text-slate-700 focus:outline-2 focus:outline-blue-700"
        data-testid="workflow-status"
        data-status={status}
        ref={statusRef}
        tabIndex={-1}
      >
        {t(`explain.${status}`)}
      </p>
      <p
        role="status"
        className="mb-3 text-sm font-medium text-emerald-800 empty:hidden"
        data-testid="workflow-live"
      >
        {announcement}
      </p>
      {form.error ? <Alert>{form.error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {may("submission.sendForReview") ? (
          <button
            type="button"
            className={buttonClass}
            disabled={busy}
            onClick={() => run(() => review.mutateAsync({ id, version: version() }))}
          >
            {t("sendForReview")}
          </button>
        ) : null}
        {may("submission.requestApproval") ? (
          <>
            <button
              type="button"
              className={buttonClass}
              disabled={busy}
              data-testid="request-approval"
              onClick={() =>
                open && !confirmOpen
                  ? setConfirmOpen(true)
                  : run(() =>
                      request.mutateAsync({ id, version: version(), acknowledgeOpenThreads: confirmOpen }),
                    )
              }
            >
              {open && confirmOpen ? t("requestAnyway", { count: open }) : t("requestApproval")}
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={busy}
              onClick={() => run(() => back.mutateAsync({ id, version: version() }))}
            >
              {t("backToDraft")}
            </button>
          </>
        ) : null}
        {may("submission.openApproval") ? (
          <Link href={`/innspill/${id}/godkjenning`} className={buttonClass} data-testid="open-approval">
            {t("openApproval")}
          </Link>
        ) : null}
        {may("submission.downloadSigned") ? (
          <a
            className={secondaryButtonClass}
            href={`/api/innspill/signert/${id}`}
            data-testid="download-signed"
          >
            {t("downloadSigned")}
          </a>
        ) : null}
        {may("submission.createRevision") ? (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={revise.isPending}
            onClick={async () => onOpenRevision((await revise.mutateAsync({ id })).id)}
          >
            {t("newRevision")}
          </button>
        ) : null}
      </div>
      {open && may("submission.requestApproval") ? (
        <p className="mt-2 text-sm text-amber-800" data-testid="open-threads">
          {t("openThreads", { count: open })}
        </p>
      ) : null}
      {editVoidsApprovals ? <p className="mt-2 text-sm text-amber-800">{t("editVoids")}</p> : null}
      {signedPdf?.state === "making" ? (
        <p className="mt-4 text-sm text-slate-700" role="status" data-testid="signed-pdf-making">
          <span
            aria-hidden
            className="mr-2 inline-block size-2 rounded-full bg-slate-400 motion-safe:animate-pulse"
          />
          {t("signedPdfMaking")}
        </p>
      ) : signedPdf?.state === "failed" ? (
        <p
          role="alert"
          className="mt-4 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900"
          data-testid="signed-pdf-failed"
        >
          {domainText(signedPdf.error)} {t("signedPdfFailed")}
        </p>
      ) : null}
      {may("submission.recordSending") ? (
        <form onSubmit={onSend} className="mt-4 grid gap-3 sm:grid-cols-2" noValidate>
          <h3 className="text-sm font-semibold sm:col-span-2">{t("recordSending")}</h3>
          <Field id="sent-on" label={t("sentOn")} error={form.fieldError("sentOn")}>
            <input
              id="sent-on"
              name="sentOn"
              type="date"
              className={inputClass}
              // Most letters are sent the day they are signed: today, in Oslo.
              defaultValue={new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" })}
            />
          </Field>
          <Field id="channel" label={t("channel")} error={form.fieldError("channel")}>
            <select id="channel" name="channel" className={inputClass} defaultValue="EPOST">
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="sent-recipient" label={t("recipient")} error={form.fieldError("recipient")}>
            <input
              id="sent-recipient"
              name="recipient"
              className={inputClass}
              // The letter's recipient by name: the first line (the rest is the postal address).
              defaultValue={recipient?.split("\n")[0] ?? ""}
              maxLength={300}
            />
          </Field>
          <Field id="receipt-url" label={t("receiptUrl")} error={form.fieldError("receiptUrl")}>
            <input id="receipt-url" name="receiptUrl" className={inputClass} placeholder="https://" />
          </Field>
          <div className="sm:col-span-2">
            <Field id="receipt" label={t("receipt")} error={form.fieldError("receipt")}>
              <input id="receipt" name="receipt" className={inputClass} />
            </Field>
          </div>
          <div>
            <button type="submit" className={buttonClass} disabled={send.isPending}>
              {t("markSent")}
            </button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
