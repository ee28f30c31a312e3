/** The hearing form's values: empty, from a saved hearing, and the draft kept in this browser until it is saved. */
import { HEARING_COLUMN_FIELDS } from "@innspill/domain/shared";
import type { HearingView } from "@/lib/types";
import { localDraftKey } from "@/lib/local-drafts";

export type FormValues = {
  title: string;
  issuingBodyId: string;
  kind: string;
  theirReference: string;
  ourReference: string;
  url: string;
  receivedDate: string;
  deadline: string;
  responsibleId: string;
  summary: string;
  topics: string;
  participantIds: string[];
};
export type FieldName = keyof FormValues;

export const FIELDS: FieldName[] = [...HEARING_COLUMN_FIELDS, "topics", "participantIds"];

export const EMPTY: FormValues = {
  title: "",
  issuingBodyId: "",
  kind: "HORING",
  theirReference: "",
  ourReference: "",
  url: "",
  receivedDate: "",
  deadline: "",
  responsibleId: "",
  summary: "",
  topics: "",
  participantIds: [],
};

export function toFormValues(h: HearingView): FormValues {
  return {
    title: h.title,
    issuingBodyId: h.issuingBody.id,
    kind: h.kind,
    theirReference: h.theirReference ?? "",
    ourReference: h.ourReference ?? "",
    url: h.url ?? "",
    receivedDate: h.receivedDate ?? "",
    deadline: h.deadline,
    responsibleId: h.responsible?.id ?? "",
    summary: h.summary ?? "",
    topics: h.topics.map((x) => x.name).join(", "),
    participantIds: h.participants.map((p) => p.id),
  };
}

export const same = (a: FormValues[FieldName], b: FormValues[FieldName]) =>
  Array.isArray(a) || Array.isArray(b)
    ? JSON.stringify([...((a as string[]) ?? [])].sort()) ===
      JSON.stringify([...((b as string[]) ?? [])].sort())
    : (a ?? "") === (b ?? "");

export interface Draft {
  values: FormValues;
  savedAt: string;
}

export const draftKey = (id: string | undefined) => localDraftKey("hearing-draft", id);

/** An unsaved draft of this form that differs from what is saved, if the browser has one. */
export function readDraft(hearing: HearingView | undefined, initial: FormValues): Draft | null {
  if (typeof window === "undefined") return null;
  const raw = window.localStorage.getItem(draftKey(hearing?.id));
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Draft;
    return FIELDS.some((f) => !same(draft.values[f], initial[f])) ? draft : null;
  } catch {
    window.localStorage.removeItem(draftKey(hearing?.id));
    return null;
  }
}
