"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { milestoneLabelKey } from "@innspill/domain/shared";
import { useState } from "react";
import { Alert, Card, inputClass } from "../ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import type { RouterOutputs } from "@/lib/types";
import { useTRPC } from "@/trpc/client";

type Detail = RouterOutputs["hearing"]["byId"];

export function MilestonesPanel({
  detail,
  users,
  canPlan,
  actorId,
}: {
  detail: Detail;
  users: { id: string; name: string }[];
  canPlan: boolean;
  actorId: string;
}) {
  const t = useTranslations("hearings");
  const domain = useTranslations("domain");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { date } = useDates();
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(
    trpc.hearing.updateMilestone.mutationOptions({
      onSuccess: () => {
        setError(null);
        void queryClient.invalidateQueries({
          queryKey: trpc.hearing.byId.queryKey({ id: detail.hearing.id }),
        });
        void queryClient.invalidateQueries({ queryKey: trpc.overview.pathKey() });
      },
      onError: (err) => {
        setError(errorText(err));
        // Someone else changed it meanwhile: show theirs.
        void queryClient.invalidateQueries({
          queryKey: trpc.hearing.byId.queryKey({ id: detail.hearing.id }),
        });
      },
    }),
  );

  return (
    <Card title={t("milestones")}>
      {error ? <Alert>{error}</Alert> : null}
      <ol className="space-y-3" data-testid="milestones">
        {detail.hearing.milestones.map((m) => {
          const mayTick = canPlan || m.owner?.id === actorId;
          return (
            <li
              key={m.id}
              className="grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 text-sm"
              data-testid={`milestone-${m.kind}`}
              data-due={m.dueDate}
            >
              <input
                type="checkbox"
                className="mt-1 h-4 w-4"
                aria-label={`${domain(milestoneLabelKey(m.kind))}: ${t("milestoneDone")}`}
                checked={!!m.doneAt}
                disabled={!mayTick || update.isPending}
                onChange={(e) => update.mutate({ id: m.id, version: m.version, done: e.target.checked })}
              />
              <div>
                <p className="font-medium">
                  {domain(milestoneLabelKey(m.kind))}{" "}
                  <time dateTime={m.dueDate} className={m.late ? "text-red-700" : "text-slate-700"}>
                    {date(m.dueDate)}
                  </time>
                  {m.late ? (
                    <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs text-red-800">
                      {t("milestoneLate")}
                    </span>
                  ) : null}
                  {m.doneAt ? (
                    <span className="ml-2 text-xs text-emerald-700">✓ {t("milestoneDone")}</span>
                  ) : null}
                </p>
                {canPlan ? (
                  <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    <label className="flex items-center gap-1">
                      {t("milestoneOffset")}
                      <input
                        type="number"
                        min={0}
                        max={60}
                        defaultValue={m.offsetDays}
                        className={`${inputClass} w-16 py-1`}
                        onBlur={(e) => {
                          const v = Number(e.target.value);
                          if (Number.isInteger(v) && v !== m.offsetDays)
                            update.mutate({ id: m.id, version: m.version, offsetDays: v });
                        }}
                      />
                    </label>
                    <label className="flex items-center gap-1">
                      {t("milestoneOwner")}
                      <select
                        className={`${inputClass} w-44 py-1`}
                        value={m.owner?.id ?? ""}
                        onChange={(e) =>
                          update.mutate({ id: m.id, version: m.version, ownerId: e.target.value || null })
                        }
                      >
                        <option value="">—</option>
                        {users.map((u) => (
                          <option key={u.id} value={u.id}>
                            {u.name}
                          </option>
                        ))}
                      </select>
                    </label>
                  </div>
                ) : (
                  <p className="text-xs text-slate-600">
                    {t("milestoneOwner")}: {m.owner?.name ?? "—"}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
