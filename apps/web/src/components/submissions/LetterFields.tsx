"use client";

import { useTranslations } from "next-intl";
import { Card, Field, LengthCounter, inputClass } from "@/components/ui";
import type { LetterField } from "./draft";
import type { SubmissionDraft } from "./useSubmissionDraft";

/** The longest each field may be, as the server's schema says (`submissionLetterFields`). */
const MAX_LENGTH: Partial<Record<LetterField, number>> = {
  title: 300,
  place: 100,
  recipient: 300,
  theirReference: 100,
  ourReference: 100,
  letterheadOrganisation: 200,
  letterheadUnit: 200,
  letterheadAddress: 300,
  closing: 500,
};

/** The letter's own fields: title, place, date, recipient, closing, and the letterhead. */
export function LetterFields({ letter }: { letter: SubmissionDraft }) {
  const t = useTranslations("submissions");
  const { draft, editable, fieldError } = letter;
  const set = (field: LetterField, value: string) =>
    letter.setDraft((d) => ({ ...d, [field]: value === "" && field !== "title" ? null : value }));

  const input = (
    field: LetterField,
    opts: { type?: string; testId?: string; wide?: boolean; rows?: number } = {},
  ) => (
    <div className={opts.wide ? "sm:col-span-2" : undefined}>
      <Field id={`letter-${field}`} label={t(`fields.${field}`)} error={fieldError(field)}>
        {opts.rows ? (
          <textarea
            id={`letter-${field}`}
            rows={opts.rows}
            className={inputClass}
            value={draft[field] ?? ""}
            maxLength={MAX_LENGTH[field]}
            aria-invalid={!!fieldError(field)}
            onChange={(e) => set(field, e.target.value)}
            data-testid={opts.testId}
          />
        ) : (
          <input
            id={`letter-${field}`}
            type={opts.type ?? "text"}
            className={inputClass}
            value={draft[field] ?? ""}
            // The server's limit (submissionLetterFields): a paste longer than that is cut here, at once.
            maxLength={MAX_LENGTH[field]}
            aria-invalid={!!fieldError(field)}
            onChange={(e) => set(field, e.target.value)}
            data-testid={opts.testId}
          />
        )}
        <LengthCounter value={draft[field] ?? ""} max={MAX_LENGTH[field]} />
      </Field>
    </div>
  );

  return (
    <Card title={t("letter")}>
      <fieldset disabled={!editable} className="grid gap-3 sm:grid-cols-2">
        {input("title", { wide: true, testId: "letter-title" })}
        {input("place")}
        {input("date", { type: "date", testId: "letter-date" })}
        {input("recipient", { rows: 3, testId: "letter-recipient" })}
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
  );
}
