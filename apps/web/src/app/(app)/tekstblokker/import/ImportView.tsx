"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, Field, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import type { RouterOutputs } from "@/lib/types";
import { useTRPC } from "@/trpc/client";
import { useIdempotentMutation } from "@/lib/idempotency";

type Proposal = RouterOutputs["library"]["proposeImport"];

/** Paste or upload → proposal → review and edit → save. Nothing is saved before the last step. */
export function ImportView() {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [text, setText] = useState("");
  const [source, setSource] = useState("");
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const propose = useMutation(
    trpc.library.proposeImport.mutationOptions({
      onSuccess: (p) => setProposal(p),
      onError: (e) => setError(errorText(e)),
    }),
  );
  const commit = useIdempotentMutation(
    trpc.library.commitImport.mutationOptions({ onError: (e) => setError(errorText(e)) }),
  );

  const positions =
    proposal?.blocks.reduce(
      (n, b) => n + b.parts.reduce((m, p) => m + (p.kind === "positions" ? p.statements.length : 0), 0),
      0,
    ) ?? 0;
  const edit = (fn: (p: Proposal) => void) =>
    setProposal((prev) => {
      if (!prev) return prev;
      const next = structuredClone(prev);
      fn(next);
      return next;
    });

  if (commit.data) {
    return (
      <Alert kind="success">
        {t("importDone", { blocks: commit.data.blocks, positions: commit.data.positions })}{" "}
        <Link href="/tekstblokker" className="underline">
          {t("blocksTitle")}
        </Link>
      </Alert>
    );
  }

  return (
    <div className="space-y-4">
      {error ? <Alert>{error}</Alert> : null}
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t("importIntro")}</p>
        <div className="grid gap-3">
          <Field id="import-source" label={t("source")}>
            <input
              id="import-source"
              className={inputClass}
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          </Field>
          <Field id="import-text" label={t("importText")}>
            <textarea
              id="import-text"
              rows={8}
              className={`${inputClass} font-mono text-xs`}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </Field>
          <label className="text-sm">
            <span className="block text-slate-700">{t("importFile")}</span>
            <input
              type="file"
              accept=".txt,text/plain"
              data-testid="import-file"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) setText(await file.text());
              }}
            />
          </label>
          <div>
            <button
              type="button"
              className={buttonClass}
              disabled={!text.trim() || propose.isPending}
              onClick={() => propose.mutate({ text, source })}
            >
              {t("importPropose")}
            </button>
          </div>
        </div>
      </Card>
      {proposal ? (
        <>
          <Alert kind="info">
            <span data-testid="import-summary">
              {t("importSummary", { blocks: proposal.blocks.length, positions })}
            </span>
          </Alert>
          {proposal.blocks.map((b, bi) => (
            <Card key={bi}>
              <div className="mb-2 flex items-end gap-2">
                <label className="flex-1 text-sm">
                  <span className="block text-slate-700">{t("heading")}</span>
                  <input
                    className={`${inputClass} font-semibold`}
                    value={b.heading}
                    onChange={(e) => edit((p) => void (p.blocks[bi]!.heading = e.target.value))}
                    data-testid="import-heading"
                  />
                </label>
                <button
                  type="button"
                  className={secondaryButtonClass}
                  onClick={() => edit((p) => void p.blocks.splice(bi, 1))}
                >
                  {t("remove")}
                </button>
              </div>
              {b.parts.map((part, pi) =>
                part.kind === "paragraph" ? (
                  <textarea
                    key={pi}
                    rows={2}
                    className={`${inputClass} mb-2 text-sm`}
                    value={part.text}
                    aria-label={t("context")}
                    onChange={(e) =>
                      edit((p) => void ((p.blocks[bi]!.parts[pi] as { text: string }).text = e.target.value))
                    }
                  />
                ) : (
                  <div key={pi} className="mb-2 rounded border border-blue-200 bg-blue-50 p-2">
                    <p className="text-sm font-semibold">{t("nitoMener")}</p>
                    {part.statements.map((s, si) => (
                      <div key={si} className="mt-1 flex items-start gap-2">
                        <textarea
                          rows={2}
                          className={`${inputClass} text-sm`}
                          value={s}
                          aria-label={t("statement")}
                          onChange={(e) =>
                            edit(
                              (p) =>
                                void ((p.blocks[bi]!.parts[pi] as { statements: string[] }).statements[si] =
                                  e.target.value),
                            )
                          }
                        />
                        <button
                          type="button"
                          className="text-xs text-red-700 underline"
                          onClick={() =>
                            edit(
                              (p) =>
                                void (p.blocks[bi]!.parts[pi] as { statements: string[] }).statements.splice(
                                  si,
                                  1,
                                ),
                            )
                          }
                        >
                          {t("remove")}
                        </button>
                      </div>
                    ))}
                  </div>
                ),
              )}
            </Card>
          ))}
          <button
            type="button"
            className={buttonClass}
            disabled={commit.isPending || proposal.blocks.length === 0}
            onClick={() =>
              commit.mutate({
                source: proposal.source || source,
                blocks: proposal.blocks.map((b) => ({
                  heading: b.heading,
                  topics: [],
                  parts: b.parts.filter((p) =>
                    p.kind === "paragraph" ? p.text.trim() : p.statements.length,
                  ),
                })),
              })
            }
          >
            {t("importSave")}
          </button>
        </>
      ) : null}
    </div>
  );
}
