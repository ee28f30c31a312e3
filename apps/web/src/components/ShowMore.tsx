"use client";

import { useTranslations } from "next-intl";
import { secondaryButtonClass } from "./ui";

/** «Vis flere» under a list read a page at a time, with how many are shown of how many. */
export function ShowMore({
  shown,
  total,
  fetching,
  onMore,
  testId,
}: {
  shown: number;
  total: number | null;
  fetching: boolean;
  onMore: () => void;
  testId: string;
}) {
  const t = useTranslations("list");
  return (
    <div className="mt-4 flex items-center gap-3">
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={onMore}
        disabled={fetching}
        data-testid={testId}
      >
        {fetching ? t("loadingMore") : t("showMore")}
      </button>
      {total !== null ? (
        <span className="text-sm text-slate-600">{t("shownOf", { shown, total })}</span>
      ) : null}
    </div>
  );
}
