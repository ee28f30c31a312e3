"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui";
import { useTRPC } from "@/trpc/client";

type Reason =
  | { kind: "topic"; topics: string[] }
  | { kind: "text"; words: string[] }
  | { kind: "issuingBody"; times: number; issuingBody: string };

/** Positions and blocks that fit the letter's hearing and are not in the letter yet, ranked, each with its reasons. */
export function SuggestionsPanel({ id }: { id: string }) {
  const t = useTranslations("memory");
  const trpc = useTRPC();
  const suggestions = useQuery({
    ...trpc.memory.suggestions.queryOptions({ id }),
    refetchOnWindowFocus: false,
  });
  const d = suggestions.data;
  if (!d || (!d.positions.length && !d.blocks.length)) return null;
  const reason = (r: Reason) =>
    r.kind === "topic"
      ? t("reasonTopic", { topics: r.topics.join(", ") })
      : r.kind === "text"
        ? t("reasonText", { words: r.words.join(", ") })
        : t("reasonBody", { times: r.times, body: r.issuingBody });
  return (
    <Card title={t("suggestions")}>
      <ul className="space-y-2 text-sm" data-testid="suggestions">
        {[...d.positions, ...d.blocks].map((s) => (
          <li key={`${s.kind}-${s.id}`} data-kind={s.kind}>
            <Link
              href={s.kind === "position" ? `/standpunkter/${s.id}` : `/tekstblokker/${s.id}`}
              className="text-blue-800 underline"
            >
              {s.kind === "block" ? `${t("block")}: ${s.text}` : s.text}
            </Link>
            <p className="text-xs text-slate-600">{s.reasons.map(reason).join(" · ")}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
