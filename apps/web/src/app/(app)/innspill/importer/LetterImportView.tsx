"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { WordDiff } from "@/components/library/WordDiff";
import {
  Alert,
  Card,
  Field,
  PageHeader,
  buttonClass,
  inputClass,
  secondaryButtonClass,
} from "@/components/ui";
import { useFormErrors } from "@/lib/errors";
import type { RouterOutputs } from "@/lib/types";
import { useDates } from "@/lib/dates";
import { useDebounced } from "@/lib/debounced";
import { useTRPC } from "@/trpc/client";
import { useIdempotentMutation } from "@/lib/idempotency";
import { importHearingsInput } from "./hearings-input";

type Proposal = RouterOutputs["letterImport"]["propose"];

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/**
 * Bring in a sent letter: paste its text or upload DOCX/PDF, check the proposal, confirm the links to the library,
 * choose the hearing, save. Nothing is saved before «Lagre».
 */
export function LetterImportView() {
  const t = useTranslations("letterImport");
  const statuses = useTranslations("statuses");
  const { date: formatDate } = useDates();
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormErrors();
  const propose = useMutation(trpc.letterImport.propose.mutationOptions({ onError: form.onError }));
  const commit = useIdempotentMutation(trpc.letterImport.commit.mutationOptions({ onError: form.onError }));
  const options = useQuery(trpc.hearing.formOptions.queryOptions());
  // Archived and answered hearings too: an old letter belongs to the hearing it answered, not a copy of it. The latest
  // HEARING_PAGE by deadline, or those matching what is typed in the search field above the list.
  const [hearingSearch, setHearingSearch] = useState("");
  const [hearingQ] = useDebounced(hearingSearch.trim(), 300);
  const hearings = useQuery({
    ...trpc.hearing.list.queryOptions(importHearingsInput(hearingQ)),
    placeholderData: keepPreviousData,
  });
  // The chosen hearing stays in the list when a later search does not find it.
  const [chosen, setChosen] = useState<{ id: string; label: string } | null>(null);
  const hearingLabel = (h: { title: string; deadline: string; status: string }) =>
    `${h.title} (${formatDate(h.deadline)}, ${statuses(h.status)})`;
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Proposal | null>(null);
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [place, setPlace] = useState("");
  const [hearingId, setHearingId] = useState("");
  const [newTitle, setNewTitle] = useState("");
  const [bodyId, setBodyId] = useState("");
  const [blockLinks, setBlockLinks] = useState<Record<number, boolean>>({});
  const [positionLinks, setPositionLinks] = useState<Record<number, boolean>>({});
  const [newPositions, setNewPositions] = useState<Record<number, boolean>>({});
  const [open, setOpen] = useState<string | null>(null);
  // A letter Innspill already holds is saved again only when the user ticks this.
  const [confirmDuplicate, setConfirmDuplicate] = useState(false);

  async function onPropose() {
    form.clear();
    const r = await propose
      .mutateAsync(file ? { file: { name: file.name, content: await toBase64(file) } } : { text })
      .catch(() => null);
    if (!r) return;
    setResult(r);
    setTitle(r.proposal.title);
    setDate(r.proposal.date ?? "");
    setPlace(r.proposal.place ?? "");
    setNewTitle(r.proposal.title);
    // Proposed links are ticked; the user confirms or unticks each one.
    setBlockLinks(Object.fromEntries(r.units.map((u, i) => [i, !!u.match])));
    setPositionLinks(Object.fromEntries(r.positions.map((_, i) => [i, true])));
    setNewPositions({});
    setConfirmDuplicate(false);
  }

  async function onCommit() {
    if (!result) return;
    const p = result.proposal;
    const saved = await commit
      .mutateAsync({
        proposal: { ...p, title, date, place: place || null },
        ...(hearingId ? { hearingId } : { newHearing: { title: newTitle, issuingBodyId: bodyId } }),
        sourceName: file?.name ?? null,
        positionLinks: result.positions.flatMap((l, i) =>
          positionLinks[i] ? [{ positionId: l.positionId, wording: l.wording }] : [],
        ),
        blockLinks: result.units.flatMap((u, i) =>
          blockLinks[i] && u.match ? [{ blockVersionId: u.match.versionId, wording: u.wording }] : [],
        ),
        newPositions: result.newStatements.flatMap((s, i) => (newPositions[i] ? [s.text] : [])),
        confirmDuplicate,
      })
      .catch(() => null);
    if (saved) router.push(`/horinger/${saved.hearingId}`);
  }

  const label = (l: string) => t(`labels.${l}`);
  /** The heading of the section or sub-section a link is in. */
  const placeOf = (w: Proposal["positions"][number]["where"]) => {
    const section = result!.proposal.sections[w.section];
    const unit = w.subsection === null ? section : section?.subsections[w.subsection];
    return t("where", {
      heading: unit?.heading ?? t("introduction"),
      paragraph: w.paragraph + 1,
      sentence: w.sentence + 1,
    });
  };

  return (
    <>
      <PageHeader title={t("title")} />
      {form.error ? <Alert>{form.error}</Alert> : null}
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
        <Field id="letter-text" label={t("paste")} error={form.fieldError("text")}>
          <textarea
            id="letter-text"
            className={`${inputClass} font-mono`}
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="import-text"
          />
        </Field>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <label className="text-sm">
            {t("orFile")}{" "}
            <input
              type="file"
              accept=".docx,.pdf,.txt"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="import-file"
            />
          </label>
          {form.fieldError("file") ? (
            <span className="text-sm text-red-700">{form.fieldError("file")}</span>
          ) : null}
          <button
            type="button"
            className={buttonClass}
            disabled={propose.isPending || (!text.trim() && !file)}
            onClick={() => void onPropose()}
          >
            {propose.isPending ? t("reading") : t("propose")}
          </button>
        </div>
      </Card>

      {result ? (
        <div className="mt-4 space-y-4" data-testid="import-proposal">
          {result.duplicates.length ? (
            <div
              role="alert"
              className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950"
              data-testid="import-duplicate"
            >
              <h2 className="mb-1 font-semibold">{t("duplicate.title")}</h2>
              <ul className="mb-2 space-y-1 text-sm">
                {result.duplicates.map((d) => (
                  <li key={d.id}>
                    {t(d.exact ? "duplicate.same" : "duplicate.near", {
                      title: d.title,
                      date: formatDate(d.sentOn),
                      hearing: d.hearing.title,
                      percent: Math.round(d.similarity * 100),
                    })}{" "}
                    <Link className="underline" href={`/horinger/${d.hearing.id}`}>
                      {t("duplicate.open")}
                    </Link>
                  </li>
                ))}
              </ul>
              <p className="mb-2 text-sm">{t("duplicate.hint")}</p>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={confirmDuplicate}
                  onChange={(e) => setConfirmDuplicate(e.target.checked)}
                  data-testid="import-duplicate-confirm"
                />
                {t("duplicate.confirm")}
              </label>
            </div>
          ) : null}
          <Card title={t("letter")}>
            <div className="grid gap-3 sm:grid-cols-3">
              <div className="sm:col-span-3">
                <Field id="imp-title" label={t("fields.title")} error={form.fieldError("proposal.title")}>
                  <input
                    id="imp-title"
                    className={inputClass}
                    value={title}
                    onChange={(e) => setTitle(e.target.value)}
                  />
                </Field>
              </div>
              <Field id="imp-date" label={t("fields.date")} error={form.fieldError("proposal.date")}>
                <input
                  id="imp-date"
                  type="date"
                  className={inputClass}
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                  data-testid="import-date"
                />
              </Field>
              <Field id="imp-place" label={t("fields.place")}>
                <input
                  id="imp-place"
                  className={inputClass}
                  value={place}
                  onChange={(e) => setPlace(e.target.value)}
                />
              </Field>
            </div>
            <p className="mt-3 text-sm text-slate-600" data-testid="import-summary">
              {t("summary", {
                sections: result.units.length,
                footnotes: result.proposal.footnotes.length,
                links: result.positions.length,
                fresh: result.newStatements.length,
              })}
            </p>
            <p className="text-sm text-slate-600">
              {t("signedBy")}{" "}
              {result.proposal.signatories
                .map((s) => `${s.name}${s.title ? ` (${s.title})` : ""}`)
                .join(", ") || "—"}
            </p>
          </Card>

          <Card title={t("hearing")}>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id="imp-hearing" label={t("existingHearing")} error={form.fieldError("hearingId")}>
                <input
                  type="search"
                  className={`${inputClass} mb-2`}
                  value={hearingSearch}
                  onChange={(e) => setHearingSearch(e.target.value)}
                  placeholder={t("findHearing")}
                  aria-label={t("findHearing")}
                  maxLength={200}
                  data-testid="import-hearing-search"
                />
                <select
                  id="imp-hearing"
                  className={inputClass}
                  value={hearingId}
                  onChange={(e) => {
                    const h = hearings.data?.items.find((x) => x.id === e.target.value);
                    setHearingId(e.target.value);
                    setChosen(h ? { id: h.id, label: hearingLabel(h) } : null);
                  }}
                  data-testid="import-hearing"
                >
                  <option value="">{t("newHearing")}</option>
                  {chosen && !hearings.data?.items.some((h) => h.id === chosen.id) ? (
                    <option value={chosen.id}>{chosen.label}</option>
                  ) : null}
                  {hearings.data?.items.map((h) => (
                    <option key={h.id} value={h.id}>
                      {hearingLabel(h)}
                    </option>
                  ))}
                </select>
                {hearings.data?.nextCursor ? (
                  <p className="mt-1 text-xs text-slate-600">
                    {t("hearingsShown", {
                      shown: hearings.data.items.length,
                      total: hearings.data.total ?? 0,
                    })}
                  </p>
                ) : null}
              </Field>
              {hearingId ? null : (
                <>
                  <Field
                    id="imp-new-title"
                    label={t("newHearingTitle")}
                    error={form.fieldError("newHearing.title")}
                  >
                    <input
                      id="imp-new-title"
                      className={inputClass}
                      value={newTitle}
                      onChange={(e) => setNewTitle(e.target.value)}
                    />
                  </Field>
                  <Field
                    id="imp-body"
                    label={t("issuingBody")}
                    error={form.fieldError("newHearing.issuingBodyId")}
                  >
                    <select
                      id="imp-body"
                      className={inputClass}
                      value={bodyId}
                      onChange={(e) => setBodyId(e.target.value)}
                      data-testid="import-body"
                    >
                      <option value="">{t("choose")}</option>
                      {options.data?.issuingBodies.map((b) => (
                        <option key={b.id} value={b.id}>
                          {b.name}
                        </option>
                      ))}
                    </select>
                  </Field>
                </>
              )}
            </div>
          </Card>

          <Card title={t("sections")}>
            <ul className="space-y-3 text-sm" data-testid="import-sections">
              {result.units.map((u, i) => {
                const m = u.match;
                return (
                  <li
                    key={i}
                    className={`rounded-md border border-slate-200 p-2 ${u.subsection === null ? "" : "ml-6"}`}
                    data-testid="import-unit"
                  >
                    <p className="font-medium">{u.heading ?? t("introduction")}</p>
                    {m ? (
                      <>
                        <label className="mt-1 flex min-h-11 items-center gap-2">
                          <input
                            type="checkbox"
                            className="size-5"
                            checked={!!blockLinks[i]}
                            onChange={(e) => setBlockLinks((x) => ({ ...x, [i]: e.target.checked }))}
                          />
                          {t("linkBlock", {
                            title: m.title,
                            label: label(m.label),
                            score: Math.round(m.score * 100),
                          })}
                        </label>
                        <button
                          type="button"
                          className="text-xs text-blue-800 underline"
                          onClick={() => setOpen(open === `s${i}` ? null : `s${i}`)}
                        >
                          {open === `s${i}` ? t("hideDiff") : t("showDiff")}
                        </button>
                        {open === `s${i}` ? (
                          <p className="mt-1 rounded border border-slate-200 bg-white p-2">
                            <WordDiff parts={m.diff} />
                          </p>
                        ) : null}
                      </>
                    ) : (
                      <p className="text-slate-600">{label("new")}</p>
                    )}
                  </li>
                );
              })}
            </ul>
          </Card>

          <Card title={t("statements")}>
            {result.positions.length ? null : <p className="text-sm text-slate-600">{t("noLinks")}</p>}
            <ul className="space-y-3 text-sm" data-testid="import-statements">
              {result.positions.map((l, i) => (
                <li key={i} className="rounded-md border border-slate-200 p-2" data-testid="import-statement">
                  <p className="text-xs text-slate-600">{placeOf(l.where)}</p>
                  <p>
                    {l.before ? <span className="text-slate-600">{l.before} </span> : null}
                    <mark className="rounded bg-yellow-100 px-0.5 text-slate-900">{l.wording}</mark>
                    {l.after ? <span className="text-slate-600"> {l.after}</span> : null}
                  </p>
                  <label className="mt-1 flex min-h-11 items-start gap-2">
                    <input
                      type="checkbox"
                      className="mt-1 size-5"
                      checked={!!positionLinks[i]}
                      onChange={(e) => setPositionLinks((x) => ({ ...x, [i]: e.target.checked }))}
                      data-testid="link-position"
                    />
                    <span>
                      {t("linkPosition", { label: label(l.label), score: Math.round(l.score * 100) })}{" "}
                      <em>«{l.statement}»</em>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </Card>

          {result.newStatements.length ? (
            <Card title={t("newStatements")}>
              <ul className="space-y-3 text-sm" data-testid="import-new-statements">
                {result.newStatements.map((s, i) => (
                  <li
                    key={i}
                    className="rounded-md border border-slate-200 p-2"
                    data-testid="import-new-statement"
                  >
                    <p className="text-xs text-slate-600">{placeOf(s.where)}</p>
                    <p>«{s.text}»</p>
                    <label className="mt-1 flex min-h-11 items-center gap-2">
                      <input
                        type="checkbox"
                        className="size-5"
                        checked={!!newPositions[i]}
                        onChange={(e) => setNewPositions((x) => ({ ...x, [i]: e.target.checked }))}
                      />
                      {t("makePosition")}
                    </label>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}

          <div className="flex gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={commit.isPending || (result.duplicates.length > 0 && !confirmDuplicate)}
              onClick={() => void onCommit()}
              data-testid="import-save"
            >
              {commit.isPending ? t("saving") : t("save")}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setResult(null)}>
              {t("discard")}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
