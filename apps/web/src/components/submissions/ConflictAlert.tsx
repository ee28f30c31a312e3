"use client";

import { useTranslations } from "next-intl";
import { Alert, secondaryButtonClass } from "@/components/ui";
import { useDomainText } from "@/lib/errors";
import type { SubmissionDraft } from "./useSubmissionDraft";

/** Someone else saved the letter meanwhile: keep mine, or take theirs. Nothing is overwritten silently. */
export function ConflictAlert({ letter }: { letter: SubmissionDraft }) {
  const t = useTranslations("submissions");
  const domainText = useDomainText();
  const { conflict } = letter;
  if (!conflict) return null;
  return (
    <Alert>
      <p>{domainText("submissionConflict")}</p>
      <p className="mt-1 text-sm">
        {conflict.savedBy ? `${t("conflictSavedBy", { name: conflict.savedBy })} ` : null}
        {t("conflictDetail", { title: conflict.title, sections: conflict.sections.length })}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={letter.keepMine}>
          {t("keepMine")}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={letter.takeTheirs}>
          {t("takeTheirs")}
        </button>
      </div>
    </Alert>
  );
}
