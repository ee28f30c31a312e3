"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { replacePositionInBody, type SubmissionWarning } from "@innspill/domain/shared";
import { WordDiff } from "@/components/library/WordDiff";
import { Alert, Card } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { usePreview } from "./usePreview";
import type { Draft } from "./draft";
import { warningMessage } from "./warning-text";

const fixClass =
  "rounded-md bg-amber-700 px-3 py-1 text-xs font-medium text-white hover:bg-amber-800 disabled:opacity-50";

/** What needs attention before the letter goes out, each with its fix one click away. */
export function WarningsPanel({
  id,
  canEdit,
  stale,
  onFix,
}: {
  id: string;
  canEdit: boolean;
  /** The editor is ahead of what the warnings were computed from: fixes wait for the save. */
  stale: boolean;
  onFix: (update: (d: Draft) => Draft) => void;
}) {
  const t = useTranslations("submissions");
  const preview = usePreview(id);
  const warnings = preview.data?.warnings ?? [];
  if (!warnings.length) return null;
  return (
    <Card title={t("warnings", { count: warnings.length })}>
      <ul className="space-y-3 text-sm" data-testid="warnings">
        {warnings.map((w, i) => (
          <li
            key={i}
            className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-950"
            data-kind={w.kind}
          >
            <Warning warning={w} canEdit={canEdit && !stale} onFix={onFix} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Warning({
  warning: w,
  canEdit,
  onFix,
}: {
  warning: SubmissionWarning;
  canEdit: boolean;
  onFix: (update: (d: Draft) => Draft) => void;
}) {
  const t = useTranslations("submissions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [showDiff, setShowDiff] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const diff = useQuery({
    ...trpc.library.blockDiff.queryOptions({
      id: w.kind === "blockOutdated" ? w.blockId : "",
      from: w.kind === "blockOutdated" ? w.pinned : 1,
      to: w.kind === "blockOutdated" ? w.latest : 1,
    }),
    enabled: showDiff && w.kind === "blockOutdated",
  });
  const message = warningMessage(w);
  const text = t(message.key as never, message.values as never);

  switch (w.kind) {
    case "factMissing":
    case "factStale":
      return (
        <>
          <p>{text}</p>
          <Link href="/fakta" className="mt-1 inline-block text-blue-800 underline">
            {t("fixFact")}
          </Link>
        </>
      );
    case "positionRetired": {
      const replacement = w.replacement;
      return (
        <>
          <p>{text}</p>
          {replacement ? (
            <>
              <p className="mt-1">{t("replacedBy", { statement: replacement.statement })}</p>
              {canEdit ? (
                <button
                  type="button"
                  className={`${fixClass} mt-2`}
                  onClick={() =>
                    onFix((d) => ({
                      ...d,
                      sections: d.sections.map((s, i) => {
                        if (i !== w.section) return s;
                        const from = s.kind === "BLOCK" ? s.library!.body : s.body;
                        return {
                          ...s,
                          kind: s.kind === "BLOCK" ? "LOCAL" : s.kind,
                          heading: s.kind === "BLOCK" ? s.library!.heading : s.heading,
                          body: replacePositionInBody(from, w.positionId, replacement.id),
                          rev: s.rev + 1,
                        };
                      }),
                    }))
                  }
                >
                  {t("useReplacement")}
                </button>
              ) : null}
            </>
          ) : (
            <p className="mt-1">{t("noReplacement")}</p>
          )}
        </>
      );
    }
    case "blockOutdated":
      return (
        <>
          <p>{text}</p>
          <div className="mt-2 flex flex-wrap gap-3">
            <button type="button" className="text-blue-800 underline" onClick={() => setShowDiff((v) => !v)}>
              {showDiff ? t("hideChanges") : t("showChanges")}
            </button>
            {canEdit ? (
              <button
                type="button"
                className={fixClass}
                onClick={async () => {
                  try {
                    const v = await queryClient.fetchQuery(
                      trpc.library.blockVersion.queryOptions({ id: w.latestVersionId }),
                    );
                    onFix((d) => ({
                      ...d,
                      sections: d.sections.map((s, i) =>
                        i === w.section
                          ? {
                              ...s,
                              kind: "BLOCK",
                              heading: v.heading,
                              body: v.body,
                              library: v,
                              rev: s.rev + 1,
                            }
                          : s,
                      ),
                    }));
                  } catch (err) {
                    setError(errorText(err));
                  }
                }}
                data-testid="update-block"
              >
                {t(w.local ? "replaceWithLatest" : "updateToLatest", { n: w.latest })}
              </button>
            ) : null}
          </div>
          {error ? <Alert>{error}</Alert> : null}
          {showDiff && diff.data ? (
            <p
              className="mt-2 rounded border border-slate-200 bg-white p-2 text-slate-900"
              data-testid="block-diff"
            >
              <WordDiff parts={diff.data.diff} />
            </p>
          ) : null}
        </>
      );
    case "localEditDiverges":
      return (
        <>
          <p>{text}</p>
          <button
            type="button"
            className="mt-1 text-blue-800 underline"
            onClick={() => setShowDiff((v) => !v)}
          >
            {showDiff ? t("hideChanges") : t("showChanges")}
          </button>
          {showDiff ? (
            <p className="mt-2 rounded border border-slate-200 bg-white p-2 text-slate-900">
              <WordDiff parts={w.diff} />
            </p>
          ) : null}
        </>
      );
    case "figureContradictsFact":
      return <p>{text}</p>;
    case "signatoryNoTitle":
      return (
        <>
          <p>{text}</p>
          <Link href="/admin/underskrivere" className="mt-1 inline-block text-blue-800 underline">
            {t("fixTitles")}
          </Link>
        </>
      );
    case "noSignatories":
      return <p>{text}</p>;
    case "noSections":
      return <p>{text}</p>;
  }
}
