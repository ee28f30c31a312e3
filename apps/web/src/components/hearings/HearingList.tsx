import Link from "next/link";
import { useTranslations } from "next-intl";
import { daysBetween, type HearingListItem } from "@/lib/types";
import { useDates } from "@/lib/dates";
import { StatusBadge } from "../StatusBadge";

type Item = Pick<
  HearingListItem,
  "id" | "title" | "deadline" | "status" | "issuingBody" | "responsible" | "overdueSince" | "kind"
>;

export function DeadlineText({ deadline, today }: { deadline: string; today: string }) {
  const t = useTranslations("hearings");
  const { date } = useDates();
  const days = daysBetween(today, deadline);
  return (
    <span>
      <time dateTime={deadline}>{date(deadline)}</time>{" "}
      <span className={days < 0 ? "text-red-700" : days <= 3 ? "text-amber-700" : "text-slate-500"}>
        ({days >= 0 ? t("deadlineIn", { days }) : t("deadlinePassed", { days: -days })})
      </span>
    </span>
  );
}

export function HearingList({ items, today }: { items: Item[]; today: string }) {
  const t = useTranslations("hearings");
  const kinds = useTranslations("kinds");
  if (!items.length) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-200" data-testid="hearing-list">
      {items.map((h) => (
        <li key={h.id} className="py-3" data-testid="hearing-row">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link href={`/horinger/${h.id}`} className="font-medium text-blue-900 hover:underline">
              {h.title}
            </Link>
            <div className="flex items-center gap-2">
              {h.overdueSince ? (
                <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">
                  {t("overdue")}
                </span>
              ) : null}
              <StatusBadge status={h.status} />
            </div>
          </div>
          <div className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-600">
            <span>{h.issuingBody.name}</span>
            <span>{kinds(h.kind)}</span>
            <span data-testid="hearing-deadline" data-deadline={h.deadline}>
              {t("fields.deadline")}: <DeadlineText deadline={h.deadline} today={today} />
            </span>
            <span>{h.responsible?.name ?? t("noResponsible")}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
