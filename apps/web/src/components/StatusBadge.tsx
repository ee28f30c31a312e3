import { useTranslations } from "next-intl";
import type { HearingStatus } from "@innspill/domain/shared";

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
