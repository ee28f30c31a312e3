"use client";

import { useTranslations } from "next-intl";
import { secondaryButtonClass } from "./ui";

/** An infinite query of a list read a page at a time: each page's rows, and on the first the total. */
interface PagedList {
  data?: { pages: readonly { items: readonly unknown[]; total: number | null }[] };
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * «Vis flere» under a list read a page at a time, with how many are shown of how many. Nothing when the last page
 * is shown.
 */
export function ShowMore({ list, testId }: { list: PagedList; testId: string }) {
  const t = useTranslations("list");
  const pages = list.data?.pages;
  if (!list.hasNextPage || !pages) return null;
  const shown = pages.reduce((n, p) => n + p.items.length, 0);
  const total = pages[0]?.total ?? null;
  return (
    <div className="mt-4 flex items-center gap-3">
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() => void list.fetchNextPage()}
        disabled={list.isFetchingNextPage}
        data-testid={testId}
      >
        {list.isFetchingNextPage ? t("loadingMore") : t("showMore")}
      </button>
      {total !== null ? (
        <span className="text-sm text-slate-600">{t("shownOf", { shown, total })}</span>
      ) : null}
    </div>
  );
}
