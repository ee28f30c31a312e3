import { useTranslations } from "next-intl";
import type { HearingStatus, SubmissionStatus } from "@innspill/domain/shared";

const COLORS: Record<HearingStatus, string> = {
  REGISTRERT: "bg-slate-100 text-slate-800",
  VURDERES: "bg-amber-100 text-amber-900",
  UNDER_ARBEID: "bg-blue-100 text-blue-900",
  TIL_GJENNOMGANG: "bg-indigo-100 text-indigo-900",
  TIL_GODKJENNING: "bg-violet-100 text-violet-900",
  TIL_SIGNERING: "bg-fuchsia-100 text-fuchsia-900",
  SENDT: "bg-emerald-100 text-emerald-900",
  ARKIVERT: "bg-slate-200 text-slate-700",
  SVARER_IKKE: "bg-stone-200 text-stone-700",
};

export function StatusBadge({ status }: { status: HearingStatus }) {
  const t = useTranslations("statuses");
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${COLORS[status]}`}
    >
      {t(status)}
    </span>
  );
}

const LETTER_COLORS: Record<SubmissionStatus, string> = {
  DRAFT: "bg-blue-100 text-blue-900",
  IN_REVIEW: "bg-indigo-100 text-indigo-900",
  AWAITING_APPROVAL: "bg-violet-100 text-violet-900",
  APPROVED: "bg-fuchsia-100 text-fuchsia-900",
  SIGNING: "bg-fuchsia-100 text-fuchsia-900",
  SIGNED: "bg-emerald-100 text-emerald-900",
  SENT: "bg-emerald-100 text-emerald-900",
};

/** A letter's own status («Utkast», «Signert» …), which a hearing with several versions does not share. */
export function LetterStatusBadge({ status }: { status: SubmissionStatus }) {
  const t = useTranslations("workflow.statuses");
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${LETTER_COLORS[status]}`}
      data-testid="letter-status"
    >
      {t(status)}
    </span>
  );
}
