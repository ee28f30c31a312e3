"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SubmissionView } from "@innspill/domain/shared";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { keepLocally, localDraftKey } from "@/lib/local-drafts";
import { draftFrom, structureOf, toSaveInput, validKey, type Draft } from "./draft";
import type { Collab } from "./collab-types";

const storageKey = (id: string) => localDraftKey("submission-draft", id);
export type SaveState = "saved" | "dirty" | "saving" | "error" | "conflict";

/** A section a colleague removed while this user was writing in it: its text, kept for them to put back. */
export interface RemovedSection {
  key: string;
  heading: string | null;
  /** Who saved the letter without it. */
  by: string | null;
  section: Draft["sections"][number];
}

/** The draft with each co-written section's text as the merged document has it now. */
function withShared(d: Draft, collab: Pick<Collab, "body"> | null, pending?: Set<string>): Draft {
  if (!collab) return d;
  let changed = false;
  const sections = d.sections.map((x) => {
    // A library block is not co-written; a text replaced here (a fix) waits until its editor has put it in.
    if (x.kind === "BLOCK" || pending?.has(x.key)) return x;
    const body = collab.body(x.key);
    if (!body || JSON.stringify(body) === JSON.stringify(x.body)) return x;
    changed = true;
    return { ...x, body };
  });
  return changed ? { ...d, sections } : d;
}
const bodiesOf = (d: Draft) => JSON.stringify(d.sections.map((x) => (x.kind === "BLOCK" ? null : x.body)));

/**
 * The letter being edited: the draft, its autosave under the optimistic lock, what is kept in this browser until the
 * server has it, a conflict with someone else's save, and what the server says this user may do now (`actions`).
 * `collabLoading`: the letter is co-written and the co-writing code is still loading; what is typed meanwhile is put
 * into the shared text once it is there.
 */
export function useSubmissionDraft(
  submission: SubmissionView,
  collab: Collab | null = null,
  collabLoading = false,
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const domainText = useDomainText();
  const id = submission.id;
  const [status, setStatus] = useState(submission.status);
  const [actions, setActions] = useState(submission.actions);
  const [editVoidsApprovals, setEditVoidsApprovals] = useState(submission.editVoidsApprovals);
  // The signed PDF a sending waits for (the server's answer): while it is being made, the letter is read again.
  const [signedPdf, setSignedPdf] = useState(submission.signedPdf);
  // A signed letter stays as it was signed; whether this user may edit is the server's answer.
  const editable = actions.includes("submission.edit");

  // Unsaved edits survive a reload: kept in this browser until the server has them.
  const [restored] = useState(() => {
    if (typeof window === "undefined") return null;
    try {
      const raw = window.localStorage.getItem(storageKey(id));
      const kept = raw ? (JSON.parse(raw) as { draft: Draft; version: number }) : null;
      if (kept) kept.draft.sections = kept.draft.sections.map((x) => ({ ...x, key: validKey(x.key) }));
      return kept;
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
  const [conflict, setConflict] = useState<(SubmissionView & { savedBy?: string | null }) | null>(null);
  // The letter as the server last had it (null: unknown, for a draft restored from this browser): what the lock
  // compares against, to tell a colleague's co-written text from a change of the letter's structure.
  const baseRef = useRef<Draft | null>(restored ? null : draft);
  const [removed, setRemoved] = useState<RemovedSection[]>([]);
  // Sections this user wrote in since the last save: a colleague's removal of one of them is told, not silent.
  const touched = useRef(new Set<string>());
  // Sections whose text was replaced outside the editor (a fix, «Rediger lokalt»): the draft's text is the one to
  // put into the shared document, not to be overwritten by it, until the section's editor has done so.
  const pending = useRef(new Set<string>());
  const collabRef = useRef(collab);
  collabRef.current = collab;
  const collabLoadingRef = useRef(collabLoading);
  collabLoadingRef.current = collabLoading;
  // Texts written before the co-writing code was there: put into the shared document when it comes, as a fix is.
  const early = useRef(new Set<string>());
  const saving = useRef<Promise<boolean | "again"> | null>(null);
  const flushRef = useRef<(attempt?: number) => Promise<boolean>>(async () => false);
  const save = useMutation(trpc.submission.save.mutationOptions());

  // Whether the latest edits are also kept in this browser (not when the letter is too large for its storage).
  const [keptLocally, setKeptLocally] = useState(true);
  const keep = useCallback(
    (next: Draft) =>
      setKeptLocally(keepLocally(storageKey(id), { draft: next, version: versionRef.current })),
    [id],
  );

  const setDraft = useCallback(
    (update: (d: Draft) => Draft) => {
      if (!editable) return;
      const before = draftRef.current;
      const next = update(before);
      for (const x of next.sections) {
        const was = before.sections.find((y) => y.key === x.key);
        if (!was || was.body !== x.body) touched.current.add(x.key);
        if (was && x.rev !== was.rev && x.kind !== "BLOCK") pending.current.add(x.key);
        if (collabLoadingRef.current && !collabRef.current && x.kind !== "BLOCK" && was?.body !== x.body)
          early.current.add(x.key);
      }
      draftRef.current = next;
      setDraftState(next);
      setState((s) => (s === "conflict" ? s : "dirty"));
      keep(next);
    },
    [editable, keep],
  );

  const doc = collab?.doc;
  const body = collab?.body;
  // The others' co-written text: into the draft as it arrives (shown, and saved with my next save), not marked as mine.
  useEffect(() => {
    if (!doc || !body) return;
    // Texts typed while the co-writing code loaded are mine: their editors open and put them into the shared
    // document (a new rev, as for a fix), instead of the shared text replacing them.
    if (early.current.size) {
      const typed = early.current;
      early.current = new Set();
      const next = {
        ...draftRef.current,
        sections: draftRef.current.sections.map((x) =>
          typed.has(x.key) && x.kind !== "BLOCK" ? { ...x, rev: x.rev + 1 } : x,
        ),
      };
      for (const key of typed) if (next.sections.some((x) => x.key === key)) pending.current.add(key);
      draftRef.current = next;
      setDraftState(next);
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const pull = () => {
      timer = null;
      const next = withShared(draftRef.current, { body }, pending.current);
      if (next === draftRef.current) return;
      draftRef.current = next;
      setDraftState(next);
    };
    const onUpdate = () => {
      timer ??= setTimeout(pull, 150);
    };
    doc.on("update", onUpdate);
    pull();
    return () => {
      doc.off("update", onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [doc, body]);

  const invalidateViews = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.submission.preview.queryKey({ id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.submission.approvalView.queryKey({ id }) });
  }, [id, queryClient, trpc]);

  /** Saves what is in the editor now. Resolves true when the server has it. */
  const flush = useCallback(
    async (attempt = 0): Promise<boolean> => {
      if (saving.current) await saving.current;
      // Co-writing: catch up with the others first (a few seconds at most, its code loading included), so the save
      // holds their text too.
      for (
        let i = 0;
        i < 40 &&
        (collabRef.current ? !collabRef.current.synced : collabLoadingRef.current) &&
        navigator.onLine;
        i++
      )
        await new Promise((r) => setTimeout(r, 100));
      const shared = withShared(draftRef.current, collabRef.current, pending.current);
      if (shared !== draftRef.current) {
        draftRef.current = shared;
        setDraftState(shared);
      }
      const sent = shared;
      const run = (async (): Promise<boolean | "again"> => {
        setState("saving");
        try {
          const saved = await save.mutateAsync(toSaveInput(sent, id, versionRef.current));
          baseRef.current = sent;
          touched.current.clear();
          versionRef.current = saved.version;
          setStatus(saved.status);
          setActions(saved.actions);
          setEditVoidsApprovals(saved.editVoidsApprovals);
          setSignedPdf(saved.signedPdf);
          setError(null);
          setFieldErrors({});
          setSavedAt(new Date());
          if (draftRef.current === sent) {
            window.localStorage.removeItem(storageKey(id));
            setState("saved");
          } else {
            keep(draftRef.current);
            setState("dirty");
          }
          invalidateViews();
          return true;
        } catch (err) {
          const data = errorData(err);
          if (data?.code === "CONFLICT") {
            const current = (data.details as { current: SubmissionView & { savedBy?: string | null } })
              .current;
            const theirs = draftFrom(current);
            const base = baseRef.current;
            // A colleague saved the letter meanwhile. Co-written texts merge live, so only the letter's structure
            // (fields, sections, signatories) can conflict: if only one side changed it, take that side, with the
            // merged texts, and save again. Both changed it: the dialog.
            // The same structure on both sides (also for a draft restored from this browser, whose base is
            // unknown, e.g. a tab closed offline and opened again): nothing to choose; save again on their version.
            if (collabRef.current && structureOf(sent) === structureOf(theirs)) {
              versionRef.current = current.version;
              baseRef.current = theirs;
              setState("dirty");
              return "again";
            }
            if (collabRef.current && base && structureOf(theirs) === structureOf(base)) {
              versionRef.current = current.version;
              baseRef.current = theirs;
              setState("dirty");
              return "again";
            }
            if (collabRef.current && base && structureOf(sent) === structureOf(base)) {
              const gone = sent.sections.filter(
                (x) =>
                  x.kind !== "BLOCK" &&
                  touched.current.has(x.key) &&
                  !theirs.sections.some((y) => y.key === x.key),
              );
              if (gone.length)
                setRemoved((r) => [
                  ...r,
                  ...gone.map((x) => ({
                    key: x.key,
                    heading: x.heading,
                    by: current.savedBy ?? null,
                    section: x,
                  })),
                ]);
              const next = withShared(theirs, collabRef.current);
              versionRef.current = current.version;
              baseRef.current = theirs;
              draftRef.current = next;
              setDraftState(next);
              setStatus(current.status);
              setActions(current.actions);
              setEditVoidsApprovals(current.editVoidsApprovals);
              setSignedPdf(current.signedPdf);
              invalidateViews();
              if (bodiesOf(next) !== bodiesOf(theirs)) {
                keep(next);
                setState("dirty");
                return "again";
              }
              window.localStorage.removeItem(storageKey(id));
              setState("saved");
              return true;
            }
            setConflict(current);
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
      let result: boolean | "again";
      try {
        result = await run;
      } finally {
        if (saving.current === run) saving.current = null;
      }
      // Rebased on a colleague's save: again, with their version (a few times at most; then the autosave goes on).
      if (result === "again") return attempt < 3 ? flushRef.current(attempt + 1) : false;
      return result;
    },
    [errorText, id, invalidateViews, keep, save],
  );
  flushRef.current = flush;

  const stateRef = useRef(state);
  stateRef.current = state;

  /** After a workflow step: the new version, status and actions from the server. */
  const refresh = useCallback(async () => {
    const fresh = await queryClient.fetchQuery({
      ...trpc.submission.byId.queryOptions({ id }),
      staleTime: 0,
    });
    versionRef.current = fresh.version;
    setStatus(fresh.status);
    setActions(fresh.actions);
    setEditVoidsApprovals(fresh.editVoidsApprovals);
    setSignedPdf(fresh.signedPdf);
    void queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
  }, [id, queryClient, trpc]);

  // While the signed PDF is being made, the letter is read again every second (as the approval page does): then the
  // server offers «Marker som sendt», or says the making failed.
  const making = signedPdf?.state === "making";
  const polled = useQuery({
    ...trpc.submission.byId.queryOptions({ id }),
    enabled: making,
    refetchInterval: (q) => (q.state.data?.signedPdf?.state === "making" ? 1000 : false),
    refetchOnWindowFocus: false,
  });
  const ready = making && polled.isFetchedAfterMount && polled.data?.signedPdf?.state !== "making";
  const readyData = ready ? polled.data : undefined;
  useEffect(() => {
    if (!readyData) return;
    versionRef.current = readyData.version;
    setStatus(readyData.status);
    setActions(readyData.actions);
    setEditVoidsApprovals(readyData.editVoidsApprovals);
    setSignedPdf(readyData.signedPdf);
  }, [readyData]);

  /** Conflict: keep what I typed and save it over the newer version. */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    versionRef.current = conflict.version;
    baseRef.current = draftFrom(conflict);
    setConflict(null);
    setState("dirty");
  }, [conflict]);

  /** Conflict: take the saved version and drop what I typed. */
  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const fresh = withShared(draftFrom(conflict), collabRef.current);
    versionRef.current = conflict.version;
    baseRef.current = draftFrom(conflict);
    draftRef.current = fresh;
    setDraftState(fresh);
    window.localStorage.removeItem(storageKey(id));
    setConflict(null);
    setState("saved");
    invalidateViews();
  }, [conflict, id, invalidateViews]);

  // Autosave shortly after typing stops.
  useEffect(() => {
    if (state !== "dirty") return;
    const timer = setTimeout(() => void flush(), 900);
    return () => clearTimeout(timer);
  }, [draft, state, flush]);

  // Back in sync after a disconnection: what merged (mine from offline, theirs from meanwhile) is saved.
  const synced = collab?.synced ?? false;
  useEffect(() => {
    if (!synced || !editable) return;
    const merged = withShared(draftRef.current, collabRef.current);
    const base = baseRef.current;
    if (stateRef.current === "error" || (base && bodiesOf(merged) !== bodiesOf(base))) {
      if (stateRef.current === "saved" || stateRef.current === "error") setState("dirty");
    }
  }, [synced, editable]);

  /** A removed section put back at the end, with the text this user wrote in it. */
  const restoreRemoved = useCallback(
    (key: string) => {
      const r = removed.find((x) => x.key === key);
      if (!r) return;
      setRemoved((list) => list.filter((x) => x.key !== key));
      setDraft((d) => ({
        ...d,
        sections: [
          ...d.sections,
          withShared({ ...d, sections: [r.section] }, collabRef.current).sections[0]!,
        ],
      }));
    },
    [removed, setDraft],
  );
  const dismissRemoved = useCallback(
    (key: string) => setRemoved((list) => list.filter((x) => x.key !== key)),
    [],
  );

  // Leaving with unsaved edits asks first (they are also kept in this browser).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (state === "dirty" || state === "saving" || state === "error") e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state]);

  const fieldError = (field: string) => {
    const key = fieldErrors[field]?.[0];
    return key ? domainText(key) : undefined;
  };

  return {
    id,
    draft,
    setDraft,
    editable,
    status,
    actions,
    editVoidsApprovals,
    signedPdf,
    state,
    savedAt,
    error,
    fieldError,
    conflict,
    keepMine,
    takeTheirs,
    restored: !!restored,
    keptLocally,
    version: () => versionRef.current,
    /** The section's editor has put its replaced text into the shared document. */
    shared: (key: string) => pending.current.delete(key),
    /** Whether a section's replaced text still waits for its editor (which then opens to put it in). */
    pendingShare: (key: string) => pending.current.has(key),
    removed,
    restoreRemoved,
    dismissRemoved,
    /**
     * Saves first unless everything is saved: what a workflow step calls before it runs. Co-written, a draft is
     * saved anyway, so the step (the snapshot for approval) names the merged texts, the colleagues' latest included.
     */
    flushIfNeeded: async () =>
      stateRef.current === "saved" && !(collabRef.current && (status === "DRAFT" || status === "IN_REVIEW"))
        ? true
        : flush(),
    flush,
    refresh,
  };
}

export type SubmissionDraft = ReturnType<typeof useSubmissionDraft>;
