"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SubmissionView } from "@innspill/domain/shared";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { keepLocally, localDraftKey } from "@/lib/local-drafts";
import { draftFrom, toSaveInput, type Draft } from "./draft";

const storageKey = (id: string) => localDraftKey("submission-draft", id);
export type SaveState = "saved" | "dirty" | "saving" | "error" | "conflict";

/**
 * The letter being edited: the draft, its autosave under the optimistic lock, what is kept in this browser until the
 * server has it, a conflict with someone else's save, and what the server says this user may do now (`actions`).
 */
export function useSubmissionDraft(submission: SubmissionView) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const domainText = useDomainText();
  const id = submission.id;
  const [status, setStatus] = useState(submission.status);
  const [actions, setActions] = useState(submission.actions);
  const [editVoidsApprovals, setEditVoidsApprovals] = useState(submission.editVoidsApprovals);
  // A signed letter stays as it was signed; whether this user may edit is the server's answer.
  const editable = actions.includes("submission.edit");

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
      const next = update(draftRef.current);
      draftRef.current = next;
      setDraftState(next);
      setState((s) => (s === "conflict" ? s : "dirty"));
      keep(next);
    },
    [editable, keep],
  );

  const invalidateViews = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.submission.preview.queryKey({ id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.submission.approvalView.queryKey({ id }) });
  }, [id, queryClient, trpc]);

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
        setActions(saved.actions);
        setEditVoidsApprovals(saved.editVoidsApprovals);
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
  }, [errorText, id, invalidateViews, keep, save]);

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
    void queryClient.invalidateQueries({ queryKey: trpc.submission.pathKey() });
  }, [id, queryClient, trpc]);

  /** Conflict: keep what I typed and save it over the newer version. */
  const keepMine = useCallback(() => {
    if (!conflict) return;
    versionRef.current = conflict.version;
    setConflict(null);
    setState("dirty");
  }, [conflict]);

  /** Conflict: take the saved version and drop what I typed. */
  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const fresh = draftFrom(conflict);
    versionRef.current = conflict.version;
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
    /** Saves first unless everything is saved: what a workflow step calls before it runs. */
    flushIfNeeded: async () => (stateRef.current === "saved" ? true : flush()),
    flush,
    refresh,
  };
}

export type SubmissionDraft = ReturnType<typeof useSubmissionDraft>;
