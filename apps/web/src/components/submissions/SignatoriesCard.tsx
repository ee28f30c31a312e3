"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { titleOn } from "@innspill/domain/shared";
import { Card, inputClass } from "@/components/ui";
import type { Draft } from "./draft";
import type { SubmissionDraft } from "./useSubmissionDraft";

export interface RegisterEntry {
  id: string;
  name: string;
  active: boolean;
  titles: { title: string; validFrom: string; validTo: string | null }[];
}

/** Who signs (1–3, from the register), each with the title valid on the letter's date, and in which order. */
export function SignatoriesCard({
  letter,
  register,
}: {
  letter: SubmissionDraft;
  register: RegisterEntry[];
}) {
  const t = useTranslations("submissions");
  const { draft, setDraft, editable, fieldError } = letter;
  const [choice, setChoice] = useState("");
  const browsing = useRef(false);
  const add = (signatoryId: string) => {
    setChoice("");
    if (signatoryId)
      setDraft((d) => ({ ...d, signatories: [...d.signatories, { signatoryId, note: null }] }));
  };
  const activeRegister = register.filter(
    (r) => r.active || draft.signatories.some((s) => s.signatoryId === r.id),
  );

  return (
    <Card title={t("signatories")}>
      <p className="mb-2 text-sm text-slate-600">{t("signatoriesHelp")}</p>
      <label className="mb-3 flex items-center gap-2 text-sm">
        {t("signingOrder")}
        <select
          className={`${inputClass} w-auto`}
          value={draft.signingOrder}
          disabled={!editable}
          onChange={(e) => setDraft((d) => ({ ...d, signingOrder: e.target.value as Draft["signingOrder"] }))}
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
                      setDraft((d) => ({ ...d, signatories: d.signatories.filter((_, j) => j !== i) }))
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
            value={choice}
            data-testid="add-signatory"
            onKeyDown={(e) => {
              // The keyboard moves through the list without adding anyone (WCAG 3.2.2); Enter adds the one shown.
              if (e.key === "Enter") {
                e.preventDefault();
                add(e.currentTarget.value);
              } else if (e.key !== "Tab") browsing.current = true;
            }}
            onChange={(e) => {
              // A pick from the opened list (pointer) adds at once; a step with the arrow keys only shows it.
              if (browsing.current) setChoice(e.target.value);
              else add(e.target.value);
              browsing.current = false;
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
  );
}
