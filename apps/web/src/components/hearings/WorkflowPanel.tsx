"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, buttonClass, inputClass, secondaryButtonClass } from "../ui";
import { useDates } from "@/lib/dates";
import { errorData, useErrorText } from "@/lib/errors";
import type { RouterOutputs } from "@/lib/types";
import { useTRPC } from "@/trpc/client";

type Detail = RouterOutputs["hearing"]["byId"];

/** The decision to answer, and the status steps the user's role can take from here. */
export function WorkflowPanel({ detail }: { detail: Detail }) {
  const t = useTranslations("hearings");
  const statuses = useTranslations("statuses");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const h = detail.hearing;
  const [reason, setReason] = useState("");
  const [sentDocument, setSentDocument] = useState("");
  const [error, setError] = useState<string | null>(null);

  const onSuccess = () => {
    setError(null);
    setReason("");
    void queryClient.invalidateQueries({ queryKey: trpc.hearing.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.overview.pathKey() });
  };
  const onError = (err: unknown) => {
    const data = errorData(err);
    // On a conflict, show the newest state; the user can act again on it.
    if (data?.code === "CONFLICT") void queryClient.invalidateQueries({ queryKey: trpc.hearing.pathKey() });
    setError(errorText(err));
  };
  const decide = useMutation(trpc.hearing.decide.mutationOptions({ onSuccess, onError }));
  const transition = useMutation(trpc.hearing.transition.mutationOptions({ onSuccess, onError }));
  const pending = decide.isPending || transition.isPending;
  const reasonBox = (label: string) => (
    <label className="block text-sm">
      <span className="text-slate-700">{label}</span>
      <textarea rows={2} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
    </label>
  );
  // What is offered is the server's answer (`workflow`); this panel only renders it.
  const { decide: undecided, transitions: steps, sentOutside: outside } = detail.workflow;

  return (
    <Card title={t("workflow")}>
      {error ? <Alert>{error}</Alert> : null}
      {h.decision ? (
        <p className="mb-3 text-sm" data-testid="decision">
          <span className="font-medium">{t(`decisions.${h.decision}`)}</span>
          {h.decisionReason ? <span className="text-slate-700"> – {h.decisionReason}</span> : null}
          {detail.decidedBy && h.decidedAt ? (
            <span className="block text-xs text-slate-500">
              {t("decidedBy", { name: detail.decidedBy.name, time: dateTime(h.decidedAt) })}
            </span>
          ) : null}
        </p>
      ) : null}
      {undecided ? (
        <div className="mb-4 space-y-2">
          <p className="text-sm font-medium">{t("decide")}</p>
          {reasonBox(t("decisionReason"))}
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={pending}
              onClick={() => decide.mutate({ id: h.id, version: h.version, decision: "SVARER", reason })}
            >
              {t("decideAnswer")}
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={pending}
              onClick={() => decide.mutate({ id: h.id, version: h.version, decision: "SVARER_IKKE", reason })}
            >
              {t("decideDecline")}
            </button>
          </div>
        </div>
      ) : null}
      {steps.length ? (
        <div className="space-y-2">
          {steps.some((s) => s.needsReason) ? reasonBox(t("transitionReason")) : null}
          <div className="flex flex-wrap gap-2">
            {steps.map(({ to }) => (
              <button
                key={to}
                type="button"
                className={secondaryButtonClass}
                disabled={pending}
                onClick={() => transition.mutate({ id: h.id, version: h.version, to, reason })}
              >
                {t("moveTo", { status: statuses(to) })}
              </button>
            ))}
          </div>
        </div>
      ) : !undecided && !outside ? (
        <p className="text-sm text-slate-500">{t("noTransitions")}</p>
      ) : null}
      {outside ? (
        <details className="mt-4 text-sm" data-testid="sent-outside">
          <summary className="cursor-pointer text-blue-800">{t("sentOutside")}</summary>
          <div className="mt-2 space-y-2">
            <p className="text-slate-600">{t("sentOutsideHelp")}</p>
            {reasonBox(t("sentOutsideReason"))}
            <label className="block">
              <span className="text-slate-700">{t("sentOutsideDocument")}</span>
              <select
                className={inputClass}
                value={sentDocument}
                onChange={(e) => setSentDocument(e.target.value)}
              >
                <option value="">{t("sentOutsideChoose")}</option>
                {detail.documents.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.filename}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={pending}
              onClick={() =>
                transition.mutate({
                  id: h.id,
                  version: h.version,
                  to: "SENDT",
                  reason,
                  documentId: sentDocument,
                })
              }
            >
              {t("sentOutsideConfirm")}
            </button>
          </div>
        </details>
      ) : null}
    </Card>
  );
}
