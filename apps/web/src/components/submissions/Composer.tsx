"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { titleOn, type SubmissionView } from "@innspill/domain/shared";
import type { LibraryLookup } from "@/components/library/editor-nodes";
import { useLibraryLookup } from "@/components/library/useLibraryLookup";
import { Alert, Card, Field, Loading, PageHeader, inputClass, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { usePreview } from "./usePreview";
import { AddSection } from "./AddSection";
import {
  SECTION_MIME,
  draftFrom,
  move,
  toSaveInput,
  type Draft,
  type DraftSection,
  type LetterField,
} from "./draft";
import { RenderPanel } from "./RenderPanel";
import { ReviewThreads } from "./ReviewThreads";
import { WorkflowBar } from "./WorkflowBar";
import { SectionCard } from "./SectionCard";
import { WarningsPanel } from "./WarningsPanel";

const storageKey = (id: string) => `innspill:submission-draft:${id}`;
type SaveState = "saved" | "dirty" | "saving" | "error" | "conflict";

export function Composer({ id, canEdit }: { id: string; canEdit: boolean }) {
  const t = useTranslations("submissions");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const submission = useQuery({ ...trpc.submission.byId.queryOptions({ id }), refetchOnWindowFocus: false });
  const signatories = useQuery(trpc.submission.signatories.queryOptions());
  const library = useLibraryLookup();

  if (submission.isPending || library.pending || signatories.isPending) return <Loading label={t("title")} />;
  if (submission.error) return <Alert>{errorText(submission.error)}</Alert>;
  return (
    <Loaded
      key={submission.data.id}
      submission={submission.data}
      canEdit={canEdit}
      lookup={library.lookup}
      facts={library.facts}
      positions={library.positions}
      register={signatories.data ?? []}
    />
  );
}

function Loaded({
  submission,
  canEdit,
  lookup,
  facts,
  positions,
  register,
}: {
  submission: SubmissionView;
  canEdit: boolean;
  lookup: LibraryLookup;
  facts: { key: string; label: string }[];
  positions: { id: string; statement: string }[];
  register: {
    id: string;
    name: string;
    active: boolean;
    titles: { title: string; validFrom: string; validTo: string | null }[];
  }[];
}) {
  const t = useTranslations("submissions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const domainText = useDomainText();
  const { date, dateTime } = useDates();
  const id = submission.id;
  const router = useRouter();
  const [status, setStatus] = useState(submission.status);
  // A signed letter stays as it was signed; a change needs a new revision.
  const editable = canEdit && status !== "SIGNED" && status !== "SENT";

  // Unsaved edits survive a reload: kept in this browser until the server has them.
  const [restored] = useState(() => {
    if (typeof window === "undefined") return null;
    try {
      const raw = window.localStorage.getItem(storageKey(id));
      return raw ? (JSON.parse(raw) as { draft: Draft; version: number }) : null;
    } catch {
      return null;
    }
  });
  const [draft, setDraftState] = useState<Draft>(() => restored?.draft ?? draftFrom(submission));
  const draftRef = useRef(draft);
  const versionRef = useRef(restored?.version ?? submission.version);
  const [state, setState] = useState<SaveState>(restored ? "dirty" : "saved");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<SubmissionView | null>(null);
  const saving = useRef<Promise<boolean> | null>(null);
  const save = useMutation(trpc.submission.save.mutationOptions());

  const setDraft = useCallback(
    (update: (d: Draft) => Draft) => {
      if (!editable) return;
      const next = update(draftRef.current);
      draftRef.current = next;
      setDraftState(next);
      setState((s) => (s === "conflict" ? s : "dirty"));
      window.localStorage.setItem(
        storageKey(id),
        JSON.stringify({ draft: next, version: versionRef.current }),
      );
    },
    [editable, id],
  );

  /** Saves what is in the editor now. Resolves true when the server has it. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (saving.current) await saving.current;
    const sent = draftRef.current;
    const run = (async () => {
      setState("saving");
      try {
        const saved = await save.mutateAsync(toSaveInput(sent, id, versionRef.current));
        versionRef.current = saved.version;
        setStatus(saved.status);
        setError(null);
        setFieldErrors({});
        setSavedAt(new Date());
        if (draftRef.current === sent) {
          window.localStorage.removeItem(storageKey(id));
          setState("saved");
        } else {
          window.localStorage.setItem(
            storageKey(id),
            JSON.stringify({ draft: draftRef.current, version: versionRef.current }),
          );
          setState("dirty");
        }
        void queryClient.invalidateQueries({ queryKey: trpc.submission.preview.queryKey({ id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.submission.approvalView.queryKey({ id }) });
        return true;
      } catch (err) {
        const data = errorData(err);
        if (data?.code === "CONFLICT") {
          setConflict((data.details as { current: SubmissionView }).current);
          setState("conflict");
        } else {
          setFieldErrors(data?.fieldErrors ?? {});
          setError(errorText(err));
          setState("error");
        }
        return false;
      }
    })();
    saving.current = run;
    try {
      return await run;
    } finally {
      if (saving.current === run) saving.current = null;
    }
  }, [errorText, id, queryClient, save, trpc]);

  const stateRef = useRef(state);
  stateRef.current = state;

  /** After a workflow step: the new version and status from the server. */
  const refresh = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({
      ...trpc.submission.byId.queryOptions({ id }),
      staleTime: 0,
    });
    versionRef.current = fresh.version;
    setStatus(fresh.status);
    void queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
  }, [id, queryClient, trpc]);

  // Autosave shortly after typing stops.
  useEffect(() => {
    if (state !== "dirty") return;
    const timer = setTimeout(() => void flush(), 900);
    return () => clearTimeout(timer);
  }, [draft, state, flush]);

  // Leaving with unsaved edits asks first (they are also kept in this browser).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (state === "dirty" || state === "saving" || state === "error") e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state]);

  const set = (field: LetterField, value: string) =>
    setDraft((d) => ({ ...d, [field]: value === "" && field !== "title" ? null : value }));
  const setSection = (index: number, update: (s: DraftSection) => DraftSection) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s, i) => (i === index ? update(s) : s)) }));
  const fieldError = (field: string) => {
    const key = fieldErrors[field]?.[0];
    return key ? domainText(key) : undefined;
  };

  const input = (field: LetterField, opts: { type?: string; testId?: string; wide?: boolean } = {}) => (
    <div className={opts.wide ? "sm:col-span-2" : undefined}>
      <Field id={`letter-${field}`} label={t(`fields.${field}`)} error={fieldError(field)}>
        <input
          id={`letter-${field}`}
          type={opts.type ?? "text"}
          className={inputClass}
          value={draft[field] ?? ""}
          aria-invalid={!!fieldError(field)}
          onChange={(e) => set(field, e.target.value)}
          data-testid={opts.testId}
        />
      </Field>
    </div>
  );

  const [dragging, setDragging] = useState<number | null>(null);
  const activeRegister = register.filter(
    (r) => r.active || draft.signatories.some((s) => s.signatoryId === r.id),
  );

  return (
    <>
      <PageHeader
        title={draft.title || t("untitled")}
        actions={
          <span className="text-sm text-slate-600" role="status" data-testid="save-state">
            {state === "saving"
              ? t("saving")
              : state === "dirty"
                ? t("unsaved")
                : state === "error"
                  ? t("saveFailed")
                  : state === "conflict"
                    ? t("conflictShort")
                    : savedAt
                      ? t("savedAt", { time: dateTime(savedAt) })
                      : t("saved")}
          </span>
        }
      />
      <p className="-mt-2 mb-4 text-sm text-slate-600">
        {t("forHearing")}{" "}
        <Link href={`/horinger/${submission.hearing.id}`} className="text-blue-800 underline">
          {submission.hearing.title}
        </Link>{" "}
        · {t("deadline", { date: date(submission.hearing.deadline) })}
      </p>
      {restored ? <Alert kind="info">{t("restored")}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      {conflict ? (
        <Alert>
          <p>{domainText("submissionConflict")}</p>
          <p className="mt-1 text-sm">
            {t("conflictDetail", { title: conflict.title, sections: conflict.sections.length })}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => {
                versionRef.current = conflict.version;
                setConflict(null);
                setState("dirty");
              }}
            >
              {t("keepMine")}
            </button>
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => {
                const fresh = draftFrom(conflict);
                versionRef.current = conflict.version;
                draftRef.current = fresh;
                setDraftState(fresh);
                window.localStorage.removeItem(storageKey(id));
                setConflict(null);
                setState("saved");
                void queryClient.invalidateQueries({ queryKey: trpc.submission.preview.queryKey({ id }) });
              }}
            >
              {t("takeTheirs")}
            </button>
          </div>
        </Alert>
      ) : null}

      <div className="grid gap-4 xl:grid-cols-2">
        <div className="space-y-4">
          <Card title={t("letter")}>
            <fieldset disabled={!editable} className="grid gap-3 sm:grid-cols-2">
              {input("title", { wide: true, testId: "letter-title" })}
              {input("place")}
              {input("date", { type: "date", testId: "letter-date" })}
              {input("recipient")}
              {input("closing")}
            </fieldset>
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-blue-800">{t("letterhead")}</summary>
              <fieldset disabled={!editable} className="mt-2 grid gap-3 sm:grid-cols-2">
                {input("theirReference")}
                {input("ourReference")}
                {input("letterheadOrganisation")}
                {input("letterheadUnit")}
                {input("letterheadAddress", { wide: true })}
              </fieldset>
            </details>
          </Card>

          <Card title={t("sections")}>
            {draft.sections.length === 0 ? <p className="text-sm text-slate-500">{t("noSections")}</p> : null}
            <ol className="space-y-3" data-testid="sections">
              {draft.sections.map((s, i) => (
                <li
                  key={s.key}
                  onDragOver={(e) => {
                    if (e.dataTransfer.types.includes(SECTION_MIME)) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    const from = Number(e.dataTransfer.getData(SECTION_MIME));
                    if (!e.dataTransfer.types.includes(SECTION_MIME) || !Number.isInteger(from)) return;
                    e.preventDefault();
                    setDraft((d) => ({ ...d, sections: move(d.sections, from, i) }));
                    setDragging(null);
                  }}
                  className={dragging === i ? "opacity-50" : undefined}
                >
                  <SectionCard
                    index={i}
                    count={draft.sections.length}
                    section={s}
                    canEdit={editable}
                    lookup={lookup}
                    facts={facts}
                    positions={positions}
                    onChange={(update) => setSection(i, update)}
                    onMove={(to) => setDraft((d) => ({ ...d, sections: move(d.sections, i, to) }))}
                    onRemove={() =>
                      setDraft((d) => ({ ...d, sections: d.sections.filter((_, j) => j !== i) }))
                    }
                    onDragStart={() => setDragging(i)}
                    onDragEnd={() => setDragging(null)}
                    error={fieldError(`sections.${i}`) ?? fieldError(`sections.${i}.body`)}
                  />
                </li>
              ))}
            </ol>
            {fieldError("sections") ? (
              <p className="mt-2 text-sm text-red-700">{fieldError("sections")}</p>
            ) : null}
            {editable ? (
              <AddSection
                onAdd={(section) => setDraft((d) => ({ ...d, sections: [...d.sections, section] }))}
              />
            ) : null}
          </Card>

          <Card title={t("signatories")}>
            <p className="mb-2 text-sm text-slate-600">{t("signatoriesHelp")}</p>
            <label className="mb-3 flex items-center gap-2 text-sm">
              {t("signingOrder")}
              <select
                className={`${inputClass} w-auto`}
                value={draft.signingOrder}
                disabled={!editable}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, signingOrder: e.target.value as Draft["signingOrder"] }))
                }
              >
                <option value="SEQUENTIAL">{t("sequential")}</option>
                <option value="PARALLEL">{t("parallel")}</option>
              </select>
            </label>
            <ul className="space-y-3" data-testid="signatories">
              {draft.signatories.map((s, i) => {
                const person = register.find((r) => r.id === s.signatoryId);
                const title = person ? titleOn(person.titles, draft.date) : null;
                return (
                  <li key={s.signatoryId} className="rounded-md border border-slate-200 p-2 text-sm">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <span>
                        <strong>{person?.name ?? "?"}</strong>
                        {" — "}
                        {title ? title.title : <span className="text-amber-800">{t("noTitleOnDate")}</span>}
                      </span>
                      {editable ? (
                        <button
                          type="button"
                          className="text-sm text-red-700 underline"
                          onClick={() =>
                            setDraft((d) => ({
                              ...d,
                              signatories: d.signatories.filter((_, j) => j !== i),
                            }))
                          }
                        >
                          {t("remove")}
                        </button>
                      ) : null}
                    </div>
                    <input
                      className={`${inputClass} mt-1`}
                      placeholder={t("signatoryNote")}
                      aria-label={t("signatoryNote")}
                      value={s.note ?? ""}
                      disabled={!editable}
                      onChange={(e) =>
                        setDraft((d) => ({
                          ...d,
                          signatories: d.signatories.map((x, j) =>
                            j === i ? { ...x, note: e.target.value || null } : x,
                          ),
                        }))
                      }
                    />
                  </li>
                );
              })}
            </ul>
            {fieldError("signatories") ? (
              <p className="mt-2 text-sm text-red-700">{fieldError("signatories")}</p>
            ) : null}
            {editable && draft.signatories.length < 3 ? (
              <label className="mt-3 block text-sm">
                <span className="sr-only">{t("addSignatory")}</span>
                <select
                  className={inputClass}
                  value=""
                  data-testid="add-signatory"
                  onChange={(e) => {
                    const signatoryId = e.target.value;
                    if (signatoryId)
                      setDraft((d) => ({
                        ...d,
                        signatories: [...d.signatories, { signatoryId, note: null }],
                      }));
                  }}
                >
                  <option value="">{t("addSignatory")}</option>
                  {activeRegister
                    .filter((r) => !draft.signatories.some((s) => s.signatoryId === r.id))
                    .map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name}
                        {titleOn(r.titles, draft.date) ? ` — ${titleOn(r.titles, draft.date)!.title}` : ""}
                      </option>
                    ))}
                </select>
              </label>
            ) : null}
          </Card>
        </div>

        <div className="space-y-4 xl:sticky xl:top-4 xl:self-start">
          <WorkflowBar
            id={id}
            status={status}
            canEdit={canEdit}
            version={() => versionRef.current}
            flush={async () => (stateRef.current === "saved" ? true : flush())}
            onChanged={refresh}
            onOpenRevision={(next) => router.push(`/innspill/${next}`)}
          />
          <WarningsPanel
            id={id}
            draft={draft}
            canEdit={editable}
            stale={state !== "saved"}
            onFix={(update) => setDraft(update)}
          />
          <RenderPanel id={id} flush={flush} busy={state === "saving"} blocked={state === "conflict"} />
          <Preview id={id} stale={state !== "saved"} />
          <ReviewThreads
            id={id}
            sections={draft.sections.map((x) =>
              x.kind === "BLOCK" ? (x.library?.heading ?? null) : x.heading,
            )}
          />
        </div>
      </div>
    </>
  );
}

/** The letter as it will be sent: HTML from the same document model as the PDF and the DOCX. */
function Preview({ id, stale }: { id: string; stale: boolean }) {
  const t = useTranslations("submissions");
  const errorText = useErrorText();
  const preview = usePreview(id);
  return (
    <Card title={t("preview")}>
      <p className="mb-2 text-xs text-slate-500" aria-live="polite">
        {preview.isFetching || stale ? t("previewUpdating") : t("previewCurrent")}
      </p>
      {preview.error ? <Alert>{errorText(preview.error)}</Alert> : null}
      {preview.data ? (
        <div
          className="letter-preview max-h-[80vh] overflow-auto rounded border border-slate-200 bg-white p-6 shadow-inner"
          data-testid="preview"
          // renderHtml escapes every text of the letter; this is the same model the files are made from.
          dangerouslySetInnerHTML={{ __html: preview.data.html }}
        />
      ) : (
        <Loading label={t("preview")} />
      )}
    </Card>
  );
}
