"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import type { BlockBody } from "@innspill/domain/shared";
import { Alert, Card } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import type { Draft } from "@/components/submissions/draft";
import { ConflictWarning, type Conflict, type Place } from "./ConflictWarning";
import { removeWording, replaceWording } from "./replace-wording";

/** How long typing must stop before the text is read against the library. */
const QUIET_MS = 600;

type Recognition = {
  kind: "restates" | "retired" | "contradicts";
  section: number;
  paragraph: number;
  item: number | null;
  wording: string;
  positionId: string;
  statement: string;
  label: "same" | "reworded" | "new";
  linked: boolean;
  replacement: { id: string; statement: string } | null;
};

const fixClass =
  "rounded-md bg-amber-700 px-3 py-1 text-xs font-medium text-white hover:bg-amber-800 disabled:opacity-50";
const linkClass =
  "rounded-md border border-blue-700 px-3 py-1 text-xs font-medium text-blue-800 hover:bg-blue-50 disabled:opacity-50";

/**
 * The library's memory while the adviser writes: the letter's own text (free text and local edits, as it stands in
 * the editor) is read against the positions a moment after typing stops. Restatements are marked and linked with one
 * click; a contradiction, a retired position, or two sentences that contradict each other's positions is a warning
 * with its fix.
 */
export function RecognitionPanel({
  id,
  draft,
  canEdit,
  onFix,
}: {
  id: string;
  draft: Draft;
  canEdit: boolean;
  onFix: (update: (d: Draft) => Draft) => void;
}) {
  const t = useTranslations("memory");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const recognise = useMutation(trpc.memory.recognise.mutationOptions());
  const link = useMutation(trpc.memory.link.mutationOptions());
  const unlink = useMutation(trpc.memory.unlink.mutationOptions());
  const [found, setFound] = useState<Recognition[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const asked = useRef(0);

  const own = useMemo(
    () =>
      draft.sections
        .map((s, index) => ({ index, kind: s.kind, body: s.body }))
        .filter((s) => s.kind !== "BLOCK")
        .map(({ index, body }) => ({ index, body })),
    [draft.sections],
  );
  const key = JSON.stringify(own);

  const read = async (sections: { index: number; body: BlockBody }[]) => {
    const n = ++asked.current;
    setReading(true);
    try {
      const r = await recognise.mutateAsync({ submissionId: id, sections });
      if (n === asked.current) {
        setFound(r.recognitions);
        setConflicts(r.conflicts);
        setError(null);
      }
    } catch (err) {
      if (n === asked.current) setError(errorText(err));
    } finally {
      if (n === asked.current) setReading(false);
    }
  };

  useEffect(() => {
    const timer = setTimeout(() => void read(JSON.parse(key)), QUIET_MS);
    return () => clearTimeout(timer);
    // `read` is stable enough: it only closes over the id and the mutation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const replace = (r: Recognition, by: string) =>
    onFix((d) => ({
      ...d,
      sections: d.sections.map((s, i) => {
        if (i !== r.section) return s;
        const body = replaceWording(s.body, r.paragraph, r.item, r.wording, by);
        return body ? { ...s, body, rev: s.rev + 1 } : s;
      }),
    }));
  const canReplace = (r: Recognition) => {
    const s = draft.sections[r.section];
    return !!s && replaceWording(s.body, r.paragraph, r.item, r.wording, "x") !== null;
  };

  const remove = (p: Place) =>
    onFix((d) => ({
      ...d,
      sections: d.sections.map((s, i) => {
        if (i !== p.section) return s;
        const body = removeWording(s.body, p.paragraph, p.item, p.wording);
        return body ? { ...s, body, rev: s.rev + 1 } : s;
      }),
    }));
  const canRemove = (p: Place) => {
    const s = draft.sections[p.section];
    return canEdit && !!s && removeWording(s.body, p.paragraph, p.item, p.wording) !== null;
  };

  const toggle = async (r: Recognition) => {
    // A read already on its way may answer from before the link: it is ignored, and the text read again after.
    asked.current++;
    try {
      if (r.linked) await unlink.mutateAsync({ submissionId: id, positionId: r.positionId });
      else await link.mutateAsync({ submissionId: id, positionId: r.positionId, wording: r.wording });
      setFound((all) => all.map((x) => (x.positionId === r.positionId ? { ...x, linked: !r.linked } : x)));
      void read(JSON.parse(key) as typeof own);
    } catch (err) {
      setReading(false);
      setError(errorText(err));
    }
  };

  const sectionName = (i: number) => {
    const s = draft.sections[i];
    return s?.heading || t("section", { n: i + 1 });
  };

  if (!own.length) return null;
  const warnings = found.filter((r) => r.kind !== "restates");
  const restated = found.filter((r) => r.kind === "restates");
  return (
    <Card title={t("title")}>
      <p className="mb-2 text-xs text-slate-600" role="status" data-testid="recognition-state">
        {reading ? t("reading") : t("read", { count: restated.length })}
      </p>
      {error ? <Alert>{error}</Alert> : null}
      {warnings.length || conflicts.length ? (
        <ul className="mb-3 space-y-2 text-sm" data-testid="memory-warnings">
          {conflicts.map((c) => (
            <ConflictWarning
              key={`${c.kind}-${c.positionId}`}
              c={c}
              sectionName={sectionName}
              onRemove={remove}
              canRemove={canRemove}
            />
          ))}
          {warnings.map((r) => (
            <li
              key={`${r.kind}-${r.positionId}`}
              className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950"
              data-kind={r.kind}
            >
              <p>
                {t(r.kind === "retired" ? "warnRetired" : "warnContradicts", {
                  section: sectionName(r.section),
                })}
              </p>
              <blockquote className="my-1 border-l-2 border-amber-400 pl-2 italic">{r.wording}</blockquote>
              <p>
                {t(r.kind === "retired" ? "retiredPosition" : "currentPosition")}{" "}
                <Link href={`/standpunkter/${r.positionId}`} className="text-blue-800 underline">
                  {r.statement}
                </Link>
              </p>
              {r.kind === "retired" ? (
                r.replacement ? (
                  <>
                    <p className="mt-1">{t("replacedBy", { statement: r.replacement.statement })}</p>
                    {canEdit && canReplace(r) ? (
                      <button
                        type="button"
                        className={`${fixClass} mt-2`}
                        onClick={() => replace(r, r.replacement!.statement)}
                      >
                        {t("useReplacement")}
                      </button>
                    ) : null}
                  </>
                ) : (
                  <p className="mt-1">{t("noReplacement")}</p>
                )
              ) : canEdit && canReplace(r) ? (
                <button type="button" className={`${fixClass} mt-2`} onClick={() => replace(r, r.statement)}>
                  {t("usePosition")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {restated.length ? (
        <ul className="space-y-2 text-sm" data-testid="recognitions">
          {restated.map((r) => (
            <li
              key={r.positionId}
              className={`rounded-md border p-2 ${r.linked ? "border-emerald-300 bg-emerald-50" : "border-sky-200 bg-sky-50"}`}
              data-linked={r.linked}
            >
              <p className="text-xs font-medium text-slate-600">
                {t(r.label === "same" ? "same" : "reworded")} · {sectionName(r.section)}
              </p>
              <blockquote className="my-1 border-l-2 border-sky-400 pl-2">{r.wording}</blockquote>
              <p>
                <Link href={`/standpunkter/${r.positionId}`} className="text-blue-800 underline">
                  {r.statement}
                </Link>
              </p>
              {canEdit ? (
                <button
                  type="button"
                  className={`${linkClass} mt-2`}
                  disabled={link.isPending || unlink.isPending}
                  onClick={() => void toggle(r)}
                >
                  {r.linked ? t("unlink") : t("link")}
                </button>
              ) : r.linked ? (
                <p className="mt-1 text-xs text-emerald-800">{t("linked")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
