"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, Loading, secondaryButtonClass, ScrollRegion } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { RadarSourcesCard } from "@/components/radar/RadarSourcesCard";

export function SystemView() {
  const t = useTranslations("system");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const status = useQuery({ ...trpc.system.status.queryOptions(), refetchInterval: 5_000 });
  const [queued, setQueued] = useState(false);
  /** A queue in words ("submission.render.v1" → «Lage PDF og Word»); its technical name is in the title. */
  const queueName = (queue: string) => {
    const key = `queueNames.${queue.replace(/\.v\d+$/, "").replaceAll(".", "_")}`;
    return t.has(key) ? t(key as never) : t("queueNames.other");
  };
  const run = useMutation(
    trpc.system.runOverdueCheck.mutationOptions({
      onSuccess: () => {
        setQueued(true);
        void queryClient.invalidateQueries({ queryKey: trpc.system.status.queryKey() });
      },
    }),
  );

  if (status.isPending) return <Loading label={t("title")} />;
  if (status.error) return <Alert>{errorText(status.error)}</Alert>;
  const s = status.data;
  const alive = s.workers.filter((w) => w.alive);

  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-500">{t("checkedAt", { time: dateTime(s.checkedAt) })}</p>
      {s.installation ? null : <p className="text-sm text-slate-600">{t("installationOnly")}</p>}
      {s.installation ? (
        <Card title={t("worker")}>
          <div data-testid="worker-status" data-alive={alive.length > 0 ? "true" : "false"}>
            {s.workers.length === 0 ? <Alert>{t("noWorker")}</Alert> : null}
            <ul className="space-y-2 text-sm">
              {s.workers.map((w) => (
                <li key={w.id} className="flex flex-wrap items-center gap-3">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                      w.alive ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"
                    }`}
                  >
                    {w.alive ? t("workerAlive") : t("workerDead")}
                  </span>
                  <span className="font-mono text-xs">{w.id}</span>
                  <span className="text-slate-600">{t("lastSeen", { time: dateTime(w.lastSeenAt) })}</span>
                  <span className="text-slate-600">{t("startedAt", { time: dateTime(w.startedAt) })}</span>
                </li>
              ))}
            </ul>
          </div>
        </Card>
      ) : null}
      <Card title={t("queues")}>
        {s.installation ? (
          <ScrollRegion label={t("queues")}>
            <table className="w-full text-left text-sm" data-testid="queue-table">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className="py-2 pr-3">{t("queue")}</th>
                  <th className="py-2 pr-3">{t("created")}</th>
                  <th className="py-2 pr-3">{t("retry")}</th>
                  <th className="py-2 pr-3">{t("activeJobs")}</th>
                  <th className="py-2 pr-3">{t("completed")}</th>
                  <th className="py-2">{t("failed")}</th>
                </tr>
              </thead>
              <tbody>
                {s.queues.map((q) => (
                  <tr key={q.queue}>
                    <td className="py-2 pr-3" title={q.queue}>
                      {queueName(q.queue)}
                    </td>
                    <td className="py-2 pr-3">{q.created}</td>
                    <td className="py-2 pr-3">{q.retry}</td>
                    <td className="py-2 pr-3">{q.active}</td>
                    <td className="py-2 pr-3" data-testid={`completed-${q.queue}`}>
                      {q.completed}
                    </td>
                    <td className="py-2">{q.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
        <div className="mt-3 flex items-center gap-3">
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => run.mutate()}
            disabled={run.isPending}
          >
            {t("runOverdue")}
          </button>
          {queued ? <span className="text-sm text-emerald-800">{t("runOverdueDone")}</span> : null}
          {run.error ? <span className="text-sm text-red-700">{errorText(run.error)}</span> : null}
        </div>
      </Card>
      <Card title={t("failedJobs")}>
        {s.failedJobs.length === 0 ? <p className="text-sm text-slate-500">{t("noFailedJobs")}</p> : null}
        <ul className="space-y-2 text-sm">
          {s.failedJobs.map((j) => (
            <li key={j.id}>
              <span title={j.queue}>{queueName(j.queue)}</span> · {j.failedAt ? dateTime(j.failedAt) : ""}
              <p className="text-red-800">
                {t("reason")}: {j.reason}
              </p>
            </li>
          ))}
        </ul>
      </Card>
      <RadarSourcesCard />
    </div>
  );
}
