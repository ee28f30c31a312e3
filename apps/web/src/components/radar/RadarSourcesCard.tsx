"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, inputClass, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/lib/types";

/** Systemstatus: each radar source's status (last success, last error, hearings seen), schedule and «Sjekk nå». */
export function RadarSourcesCard() {
  const t = useTranslations("radar");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const sources = useQuery({ ...trpc.radar.sources.queryOptions(), refetchInterval: 10_000 });
  return (
    <Card title={t("sources")}>
      {sources.error ? <Alert>{errorText(sources.error)}</Alert> : null}
      {sources.data?.some((s) => !s.scheduled) ? (
        <p className="mb-2 text-sm text-amber-800">{t("notScheduled")}</p>
      ) : null}
      <ul className="space-y-4 text-sm" data-testid="radar-sources">
        {sources.data?.map((s) => (
          <li key={s.id}>
            <SourceRow source={s} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

type Source = RouterOutputs["radar"]["sources"][number];

function SourceRow({ source: s }: { source: Source }) {
  const t = useTranslations("radar");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const [interval, setInterval] = useState(String(s.intervalMinutes));
  const [enabled, setEnabled] = useState(s.enabled);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.radar.sources.queryKey() });
  const save = useMutation(trpc.radar.updateSource.mutationOptions({ onSuccess: refresh }));
  const check = useMutation(trpc.radar.checkNow.mutationOptions({ onSuccess: refresh }));
  const badge = !s.enabled
    ? t("off")
    : s.failing
      ? t("failing")
      : s.lastSuccessAt
        ? t("ok")
        : t("notChecked");
  return (
    <div
      className="space-y-1"
      data-testid={`radar-source-${s.source}`}
      data-failing={s.failing ? "true" : "false"}
    >
      <div className="flex flex-wrap items-center gap-2">
        <strong>{t(`source_${s.source}` as "source_stortinget")}</strong>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${
            !s.enabled
              ? "bg-slate-100 text-slate-700"
              : s.failing
                ? "bg-red-100 text-red-900"
                : s.lastSuccessAt
                  ? "bg-emerald-100 text-emerald-900"
                  : "bg-slate-100 text-slate-700"
          }`}
        >
          {badge}
        </span>
        <span className="text-slate-600">{t("itemsSeen", { count: s.itemsSeen })}</span>
      </div>
      <p className="text-slate-600">
        {t("lastSuccess", { time: s.lastSuccessAt ? dateTime(s.lastSuccessAt) : t("never") })} ·{" "}
        {t("nextPoll", { time: dateTime(s.nextPollAt) })}
      </p>
      {s.lastError && s.lastErrorAt ? (
        <p className={s.failing ? "text-red-800" : "text-slate-500"}>
          {t("lastError", { time: dateTime(s.lastErrorAt), error: s.lastError })}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t("enabled")}
        </label>
        <label>
          <span className="block text-slate-700">{t("interval")}</span>
          <input
            className={`${inputClass} w-28`}
            type="number"
            min={5}
            max={1440}
            value={interval}
            onChange={(e) => setInterval(e.target.value)}
          />
        </label>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={save.isPending}
          onClick={() =>
            save.mutate({ id: s.id, version: s.version, enabled, intervalMinutes: Number(interval) })
          }
        >
          {t("save")}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={check.isPending}
          onClick={() => check.mutate({ id: s.id })}
        >
          {t("checkNow")}
        </button>
        {check.isSuccess ? <span className="text-emerald-800">{t("checkQueued")}</span> : null}
        {save.isSuccess ? (
          <span role="status" className="text-emerald-800">
            {t("saved")}
          </span>
        ) : null}
      </div>
      {save.error ? <Alert>{errorText(save.error)}</Alert> : null}
      {check.error ? <Alert>{errorText(check.error)}</Alert> : null}
    </div>
  );
}
