"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { bodyToPlainText, type BlockBody } from "@innspill/domain/shared";
import { BlockEditor } from "@/components/library/BlockEditor";
import { positionIdsIn } from "@/components/library/position-lookup";
import { useLibraryLookup } from "@/components/library/useLibraryLookup";
import { WordDiff } from "@/components/library/WordDiff";
import { BlockUsages } from "@/components/imports/BlockUsages";
import {
  Alert,
  Card,
  Field,
  Loading,
  PageHeader,
  buttonClass,
  inputClass,
  secondaryButtonClass,
} from "@/components/ui";
import { useDates } from "@/lib/dates";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

const draftKey = (id: string) => `innspill:block-draft:${id}`;

export function BlockPage({ id, canEdit }: { id: string; canEdit: boolean }) {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const block = useQuery({ ...trpc.library.block.queryOptions({ id }), refetchOnWindowFocus: false });

  if (block.isPending) return <Loading label={t("blocksTitle")} />;
  if (block.error) return <Alert>{errorText(block.error)}</Alert>;
  return (
    <Loaded
      key={block.data.id}
      block={block.data}
      canEdit={canEdit}
      onSaved={() => void queryClient.invalidateQueries({ queryKey: trpc.library.pathKey() })}
      dateTime={dateTime}
    />
  );
}

function Loaded({
  block,
  canEdit,
  onSaved,
  dateTime,
}: {
  block: {
    id: string;
    heading: string;
    topics: string[];
    version: number;
    body: BlockBody;
    versions: { id: string; number: number; reason: string; author: string | null; createdAt: Date }[];
  };
  canEdit: boolean;
  onSaved: () => void;
  dateTime: (d: Date) => string;
}) {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const domainText = useDomainText();
  // Unsaved edits survive a reload: they are kept in this browser until saved.
  const [restored] = useState(() => {
    if (typeof window === "undefined") return null;
    try {
      const raw = window.localStorage.getItem(draftKey(block.id));
      return raw ? (JSON.parse(raw) as { heading: string; body: BlockBody }) : null;
    } catch {
      return null;
    }
  });
  const [heading, setHeading] = useState(restored?.heading ?? block.heading);
  const [initialBody] = useState<BlockBody>(() => restored?.body ?? block.body);
  const body = useRef<BlockBody>(initialBody);
  const editorRef = useRef<Editor | null>(null);
  const [version, setVersion] = useState(block.version);
  const [notice, setNotice] = useState<{ kind: "success" | "error" | "info"; text: string } | null>(null);
  const [conflict, setConflict] = useState<{
    heading: string;
    body: BlockBody;
    version: number;
    mine: BlockBody;
  } | null>(null);
  const [reason, setReason] = useState("");
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(
    block.versions.length >= 2 ? { from: block.versions[1]!.number, to: block.versions[0]!.number } : null,
  );
  const diff = useQuery({
    ...trpc.library.blockDiff.queryOptions({ id: block.id, from: compare?.from ?? 1, to: compare?.to ?? 1 }),
    enabled: !!compare && compare.from !== compare.to,
  });

  const keepLocal = () =>
    window.localStorage.setItem(
      draftKey(block.id),
      JSON.stringify({ heading, body: body.current, savedAt: new Date().toISOString() }),
    );

  const save = useMutation(trpc.library.saveBlockDraft.mutationOptions());
  const publish = useMutation(trpc.library.publishBlock.mutationOptions());
  // The facts, and the positions the text names: as it was opened, and both sides of a conflict.
  const { lookup, facts, pending } = useLibraryLookup(
    positionIdsIn([initialBody, conflict?.body, conflict?.mine]),
  );

  async function saveDraft(baseVersion = version): Promise<number | null> {
    try {
      const saved = await save.mutateAsync({
        id: block.id,
        version: baseVersion,
        heading,
        topics: block.topics,
        body: body.current,
      });
      setVersion(saved.version);
      setConflict(null);
      window.localStorage.removeItem(draftKey(block.id));
      onSaved();
      return saved.version;
    } catch (err) {
      const data = errorData(err);
      if (data?.code === "CONFLICT") {
        const current = (data.details as { current: { heading: string; body: BlockBody; version: number } })
          .current;
        setConflict({ ...current, mine: body.current });
      }
      setNotice({ kind: "error", text: errorText(err) });
      return null;
    }
  }

  async function onPublish() {
    if (!reason.trim()) {
      setNotice({ kind: "error", text: domainText("publishNeedsReason") });
      return;
    }
    const saved = await saveDraft();
    if (saved === null) return;
    try {
      const res = await publish.mutateAsync({ id: block.id, version: saved, reason });
      setVersion(saved + 1);
      setReason("");
      setNotice({ kind: "success", text: t("publishedOk", { n: res.number }) });
      onSaved();
      setCompare(res.number > 1 ? { from: res.number - 1, to: res.number } : null);
    } catch (err) {
      const reasonError = errorData(err)?.fieldErrors?.reason?.[0];
      setNotice({ kind: "error", text: reasonError ? domainText(reasonError) : errorText(err) });
    }
  }

  if (pending) return <Loading label={t("blocksTitle")} />;
  const statements = new Map([...lookup.positions].map(([id, p]) => [id, p.statement]));
  const versionNumbers = block.versions.map((v) => v.number);

  return (
    <>
      <PageHeader title={heading || block.heading} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {restored ? <Alert kind="info">{t("restoredDraft")}</Alert> : null}
          {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
          {conflict ? (
            <div
              className="rounded-md border border-amber-400 bg-amber-50 p-3"
              role="alert"
              data-testid="block-conflict"
            >
              <h2 className="mb-2 font-semibold text-amber-900">{t("conflictTitle")}</h2>
              <div className="grid gap-3 text-sm md:grid-cols-2">
                <div>
                  <p className="font-medium">{t("conflictMine")}</p>
                  <p className="whitespace-pre-wrap">{bodyToPlainText(conflict.mine, statements)}</p>
                </div>
                <div>
                  <p className="font-medium">{t("conflictTheirs")}</p>
                  <p className="whitespace-pre-wrap">{bodyToPlainText(conflict.body, statements)}</p>
                </div>
              </div>
              <div className="mt-3 flex flex-wrap gap-2">
                <button
                  type="button"
                  className={buttonClass}
                  onClick={() => void saveDraft(conflict.version)}
                >
                  {t("conflictKeepMine")}
                </button>
                <button
                  type="button"
                  className={secondaryButtonClass}
                  onClick={() => {
                    editorRef.current?.commands.setContent(conflict.body);
                    body.current = conflict.body;
                    setHeading(conflict.heading);
                    setVersion(conflict.version);
                    setConflict(null);
                    window.localStorage.removeItem(draftKey(block.id));
                  }}
                >
                  {t("conflictUseTheirs")}
                </button>
              </div>
            </div>
          ) : null}
          <Card title={t("editor")}>
            <Field id="block-heading" label={t("heading")}>
              <input
                id="block-heading"
                className={inputClass}
                value={heading}
                disabled={!canEdit}
                onChange={(e) => {
                  setHeading(e.target.value);
                  keepLocal();
                }}
              />
            </Field>
            <div className="mt-3">
              <BlockEditor
                initial={initialBody}
                lookup={lookup}
                facts={facts}
                onReady={(e) => {
                  editorRef.current = e;
                  e.setEditable(canEdit);
                }}
                onChange={(b) => {
                  body.current = b;
                  keepLocal();
                }}
              />
            </div>
            {canEdit ? (
              <div className="mt-3 flex flex-wrap items-end gap-3">
                <button
                  type="button"
                  className={secondaryButtonClass}
                  disabled={save.isPending}
                  onClick={async () => {
                    if ((await saveDraft()) !== null) setNotice({ kind: "success", text: t("draftSaved") });
                  }}
                >
                  {save.isPending ? t("saving") : t("saveDraft")}
                </button>
                <label className="min-w-64 flex-1 text-sm">
                  <span className="block text-slate-700">{t("publishReason")}</span>
                  <input
                    className={inputClass}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    data-testid="publish-reason"
                  />
                </label>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={publish.isPending || save.isPending}
                  onClick={() => void onPublish()}
                >
                  {t("publish")}
                </button>
              </div>
            ) : null}
          </Card>
          {compare && diff.data ? (
            <Card
              title={`${t("compare")}: ${t("versionN", { n: diff.data.from.number })} → ${t("versionN", { n: diff.data.to.number })}`}
            >
              <div className="grid gap-4 text-sm md:grid-cols-2" data-testid="block-diff">
                {(["before", "after"] as const).map((side) => (
                  <div key={side}>
                    <p className="mb-1 font-medium">
                      {t("versionN", { n: (side === "before" ? diff.data.from : diff.data.to).number })}:{" "}
                      <WordDiff parts={diff.data.headingDiff} show={side} />
                    </p>
                    <WordDiff parts={diff.data.diff} show={side} />
                  </div>
                ))}
              </div>
            </Card>
          ) : null}
        </div>
        <Card title={t("versions")}>
          {block.versions.length === 0 ? <p className="text-sm text-slate-500">{t("noVersions")}</p> : null}
          <ol className="space-y-2 text-sm" data-testid="block-versions">
            {block.versions.map((v) => (
              <li key={v.id}>
                <p className="font-medium">{t("versionN", { n: v.number })}</p>
                <p className="text-slate-700">{v.reason}</p>
                <p className="text-xs text-slate-500">
                  {v.author ?? "—"} · {dateTime(v.createdAt)}
                </p>
              </li>
            ))}
          </ol>
          {versionNumbers.length >= 2 ? (
            <div className="mt-3 flex flex-wrap items-end gap-2 text-sm">
              <label>
                {t("compareFrom")}
                <select
                  className={inputClass}
                  value={compare?.from ?? ""}
                  onChange={(e) =>
                    setCompare({ from: Number(e.target.value), to: compare?.to ?? versionNumbers[0]! })
                  }
                >
                  {versionNumbers.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("compareTo")}
                <select
                  className={inputClass}
                  value={compare?.to ?? ""}
                  onChange={(e) =>
                    setCompare({ from: compare?.from ?? versionNumbers.at(-1)!, to: Number(e.target.value) })
                  }
                >
                  {versionNumbers.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : null}
        </Card>
        <BlockUsages id={block.id} />
      </div>
    </>
  );
}
