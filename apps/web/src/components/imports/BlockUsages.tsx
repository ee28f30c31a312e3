"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useTRPC } from "@/trpc/client";

/** The letters that used a block (any version): composed or imported, with date, hearing, recipient and wording. */
export function BlockUsages({ id }: { id: string }) {
  const t = useTranslations("insight");
  const trpc = useTRPC();
  const { date } = useDates();
  const usages = useQuery(trpc.letterImport.blockUsages.queryOptions({ id }));
  return (
    <Card title={t("usedIn")}>
      {usages.data?.length === 0 ? <p className="text-sm text-slate-500">{t("notUsed")}</p> : null}
      <ul className="space-y-2 text-sm" data-testid="block-usages">
        {usages.data?.map((u) => (
          <li key={u.id}>
            {date(u.usedOn)} · {t(`origins.${u.origin}`)} · {t("version", { n: u.version })} ·{" "}
            {u.recipient ?? "—"}
            {u.hearingId ? (
              <>
                {" · "}
                <Link href={`/horinger/${u.hearingId}`} className="text-blue-900 underline">
                  {u.hearing}
                </Link>
              </>
            ) : null}
            <details>
              <summary className="cursor-pointer text-xs text-blue-800">{t("wording")}</summary>
              <p className="whitespace-pre-line text-slate-600">{u.wording}</p>
            </details>
          </li>
        ))}
      </ul>
    </Card>
  );
}
