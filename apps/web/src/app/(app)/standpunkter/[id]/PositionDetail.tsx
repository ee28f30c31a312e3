"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { PositionStatus } from "@innspill/domain/shared";
import { PositionPicker, type PickedPosition } from "@/components/library/PositionPicker";
import { WordDiff } from "@/components/library/WordDiff";
import { Alert, Card, Field, Loading, PageHeader, buttonClass, inputClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { PositionOutcomes } from "@/components/memory/OutcomesPanel";

const STATUSES = Object.values(PositionStatus);

export function PositionDetail({ id, canEdit }: { id: string; canEdit: boolean }) {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const domainText = useDomainText();
  const { date, dateTime } = useDates();
  const query = useQuery(trpc.library.position.queryOptions({ id }));
  // The replacement chosen in the form; null: the saved one.
  const [replacement, setReplacement] = useState<PickedPosition[] | null>(null);
  const [notice, setNotice] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<{ statement: string; version: number } | null>(null);
  const update = useMutation(
    trpc.library.updatePosition.mutationOptions({
      onSuccess: () => {
        setNotice({ kind: "success", text: t("saved") });
        setFieldErrors({});
        setConflict(null);
        setReplacement(null);
        void queryClient.invalidateQueries({ queryKey: trpc.library.pathKey() });
      },
      onError: (err) => {
        const data = errorData(err);
        if (data?.code === "CONFLICT") {
          const current = (data.details as { current: { statement: string; version: number } }).current;
          setConflict({ statement: current.statement, version: current.version });
        }
        setFieldErrors(data?.fieldErrors ?? {});
        setNotice({ kind: "error", text: errorText(err) });
      },
    }),
  );

  if (query.isPending) return <Loading label={t("positionsTitle")} />;
  if (query.error) return <Alert>{errorText(query.error)}</Alert>;
  const p = query.data;
  const fe = (k: string) => (fieldErrors[k]?.[0] ? domainText(fieldErrors[k][0]) : undefined);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    update.mutate({
      id,
      // After a conflict the user saves deliberately on top of the version they have now seen.
      version: conflict?.version ?? p.version,
      data: {
        statement: String(fd.get("statement") ?? ""),
        topics: String(fd.get("topics") ?? ""),
        source: String(fd.get("source") ?? ""),
        adoptedOn: String(fd.get("adoptedOn") ?? ""),
        owningUnit: String(fd.get("owningUnit") ?? ""),
      },
      status: String(fd.get("status")) as (typeof STATUSES)[number],
      replacedById: String(fd.get("replacedById") ?? ""),
      reason: String(fd.get("reason") ?? ""),
    });
  }

  return (
    <>
      <PageHeader title={t("statement")} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card>
            <p className="text-lg">{p.statement}</p>
            <p className="mt-2 text-sm text-slate-600">
              {t(`statuses.${p.status}`)}
              {p.source ? ` · ${p.source}` : ""}
              {p.adoptedOn ? ` · ${t("adoptedOn")} ${date(p.adoptedOn)}` : ""}
              {p.owningUnit ? ` · ${p.owningUnit}` : ""}
              {p.topics.length ? ` · ${p.topics.join(", ")}` : ""}
            </p>
            {p.replacedBy ? (
              <p className="mt-2 text-sm">
                {t("replacedBy")}:{" "}
                <Link href={`/standpunkter/${p.replacedBy.id}`} className="text-blue-800 underline">
                  {p.replacedBy.statement}
                </Link>
              </p>
            ) : null}
          </Card>
          {canEdit ? (
            <Card>
              {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
              {conflict ? (
                <div
                  className="my-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm"
                  data-testid="position-conflict"
                >
                  {t("conflictTheirs")}: <strong>{conflict.statement}</strong>
                </div>
              ) : null}
              <form key={p.version} onSubmit={onSubmit} className="grid gap-3 md:grid-cols-2" noValidate>
                <div className="md:col-span-2">
                  <Field id="statement" label={t("statement")} error={fe("data.statement")}>
                    <textarea
                      id="statement"
                      name="statement"
                      rows={3}
                      defaultValue={p.statement}
                      className={inputClass}
                    />
                  </Field>
                </div>
                <Field id="topics" label={t("topics")}>
                  <input
                    id="topics"
                    name="topics"
                    defaultValue={p.topics.join(", ")}
                    className={inputClass}
                  />
                </Field>
                <Field id="source" label={t("source")}>
                  <input id="source" name="source" defaultValue={p.source ?? ""} className={inputClass} />
                </Field>
                <Field id="adoptedOn" label={t("adoptedOn")} error={fe("data.adoptedOn")}>
                  <input
                    id="adoptedOn"
                    name="adoptedOn"
                    type="date"
                    defaultValue={p.adoptedOn ?? ""}
                    className={inputClass}
                  />
                </Field>
                <Field id="owningUnit" label={t("owningUnit")}>
                  <input
                    id="owningUnit"
                    name="owningUnit"
                    defaultValue={p.owningUnit ?? ""}
                    className={inputClass}
                  />
                </Field>
                <Field id="status" label={t("status")}>
                  <select id="status" name="status" defaultValue={p.status} className={inputClass}>
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`statuses.${s}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id="replacedById" label={t("replacement")} error={fe("replacedById")}>
                  <PositionPicker
                    name="replacedById"
                    many={false}
                    chosen={replacement ?? (p.replacedBy ? [p.replacedBy] : [])}
                    onChange={setReplacement}
                    only="active"
                    exclude={id}
                    inputId="replacedById"
                  />
                </Field>
                <div className="md:col-span-2">
                  <Field id="reason" label={t("reason")} error={fe("reason")}>
                    <input id="reason" name="reason" className={inputClass} />
                  </Field>
                </div>
                <div>
                  <button type="submit" className={buttonClass} disabled={update.isPending}>
                    {t("save")}
                  </button>
                </div>
              </form>
            </Card>
          ) : null}
        </div>
        <div className="space-y-4">
          <Card title={t("history")}>
            <ol className="space-y-3 text-sm" data-testid="position-history">
              {p.versions.map((v) => (
                <li key={v.id}>
                  <p className="font-medium">
                    {t("versionN", { n: v.number })} · {t(`statuses.${v.status}`)}
                  </p>
                  <p className="text-slate-700">{v.diff ? <WordDiff parts={v.diff} /> : v.statement}</p>
                  <p className="text-xs text-slate-500">
                    {v.reason} · {v.author ?? "—"} · {dateTime(v.createdAt)}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
          <PositionOutcomes positionId={p.id} />
          <Card title={t("usedIn")}>
            {p.usages.length === 0 ? <p className="text-sm text-slate-500">{t("notUsed")}</p> : null}
            <ul className="space-y-2 text-sm">
              {p.usages.map((u) => (
                <li key={u.id} data-testid="position-usage">
                  {date(u.usedOn)} · {u.origin === "imported" ? t("usageImported") : t("usageComposed")} ·{" "}
                  {u.recipient ?? "—"}
                  {u.hearingId ? (
                    <>
                      {" · "}
                      <Link href={`/horinger/${u.hearingId}`} className="text-blue-900 underline">
                        {u.hearing}
                      </Link>
                    </>
                  ) : null}
                  <p className="text-slate-600">«{u.wording}»</p>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
