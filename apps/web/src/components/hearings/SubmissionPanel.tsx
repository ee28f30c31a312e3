"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Alert, Card, buttonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

/** The hearing's letter: open it, or start it from the hearing's details. */
export function SubmissionPanel({ hearingId, canEdit }: { hearingId: string; canEdit: boolean }) {
  const t = useTranslations("submissions");
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const existing = useQuery(trpc.submission.forHearing.queryOptions({ hearingId }));
  const create = useMutation(trpc.submission.create.mutationOptions());
  const starting = useRef(false);
  return (
    <Card title={t("panelTitle")}>
      {existing.data ? (
        <p className="text-sm">
          <Link
            href={`/innspill/${existing.data.id}`}
            className="font-medium text-blue-900 underline"
            data-testid="open-submission"
          >
            {existing.data.title}
          </Link>
          <span className="block text-xs text-slate-500">
            {t("editedAt", { time: dateTime(existing.data.updatedAt) })}
          </span>
        </p>
      ) : existing.isSuccess ? (
        canEdit ? (
          <button
            type="button"
            className={buttonClass}
            disabled={create.isPending}
            onClick={() => {
              // One request however fast the clicks come (the button is disabled only after a render), and no
              // rejected promise left to the page: an error shows below.
              if (starting.current) return;
              starting.current = true;
              create.mutate(
                { hearingId },
                {
                  onSuccess: ({ id }) => router.push(`/innspill/${id}`),
                  onError: () => {
                    starting.current = false;
                    void existing.refetch();
                  },
                },
              );
            }}
            data-testid="start-submission"
          >
            {t("start")}
          </button>
        ) : (
          <p className="text-sm text-slate-500">{t("notStarted")}</p>
        )
      ) : null}
      {create.error ? <Alert>{errorText(create.error)}</Alert> : null}
    </Card>
  );
}
