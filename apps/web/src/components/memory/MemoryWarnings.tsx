"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui";
import { useTRPC } from "@/trpc/client";
import { ConflictWarning } from "./ConflictWarning";

/**
 * The approval page's warnings from the library: sentences of the letter's own text that contradict a position in
 * force or restate a retired one, and pairs of sentences that contradict each other's positions, each with its fix
 * (the position's wording, its replacement, or the sentence to strike), to be made in the composer.
 */
export function MemoryWarnings({ id }: { id: string }) {
  const t = useTranslations("memory");
  const trpc = useTRPC();
  const warnings = useQuery(trpc.memory.warnings.queryOptions({ id }));
  const list = warnings.data?.warnings ?? [];
  const conflicts = warnings.data?.conflicts ?? [];
  if (!list.length && !conflicts.length) return null;
  return (
    <Card title={t("approvalTitle")}>
      <ul className="space-y-2 text-sm" data-testid="approval-memory-warnings">
        {conflicts.map((c) => (
          <ConflictWarning
            key={`${c.kind}-${c.positionId}`}
            c={c}
            sectionName={(n) => t("section", { n: n + 1 })}
            fixHref={`/innspill/${id}`}
          />
        ))}
        {list.map((w) => (
          <li
            key={`${w.kind}-${w.positionId}`}
            className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950"
            data-kind={w.kind}
          >
            <p>
              {t(w.kind === "retired" ? "warnRetired" : "warnContradicts", {
                section: t("section", { n: w.section + 1 }),
              })}
            </p>
            <blockquote className="my-1 border-l-2 border-amber-400 pl-2 italic">{w.wording}</blockquote>
            <p>
              {t(w.kind === "retired" ? "retiredPosition" : "currentPosition")}{" "}
              <Link href={`/standpunkter/${w.positionId}`} className="text-blue-800 underline">
                {w.statement}
              </Link>
            </p>
            {w.kind === "retired" ? (
              <p className="mt-1">
                {w.replacement ? t("replacedBy", { statement: w.replacement.statement }) : t("noReplacement")}
              </p>
            ) : null}
            <Link href={`/innspill/${id}`} className="mt-1 inline-block text-blue-800 underline">
              {w.kind === "retired" && w.replacement ? t("useReplacement") : t("usePosition")}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
