"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { HEARING_STATUSES, osloDate } from "@innspill/domain/shared";
import { HearingList } from "@/components/hearings/HearingList";
import { Alert, Card, Loading, inputClass, secondaryButtonClass } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { ShowMore } from "@/components/ShowMore";
import { hearingListInput, hearingListQuery } from "./list-input";

/**
 * The hearing register. Every filter lives in the URL (?status=…&body=…&topic=…&responsible=…&from=…&to=…&q=…&sort=…),
 * so a filtered view can be bookmarked and shared.
 */
export function HearingsView() {
  const t = useTranslations("hearings");
  const statuses = useTranslations("statuses");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const options = useQuery(trpc.hearing.formOptions.queryOptions());

  const get = (key: string) => params.get(key) ?? "";
  const input = hearingListInput((key) => params.get(key));
  const statusParam = get("status");
  // On a phone the filters other than the search are behind a button, so the list starts on the first screen.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = ["status", "sort", "body", "topic", "responsible", "from", "to"].filter((k) =>
    get(k),
  ).length;
  const sort = input.sort;
  // A page of HEARING_PAGE hearings at a time; «Vis flere» reads the next.
  const query = useInfiniteQuery(hearingListQuery(trpc, input));
  const items = query.data?.pages.flatMap((p) => p.items);
  const total = query.data?.pages[0]?.total ?? null;

  // Search as you type: the URL (and the list) follow 300 ms after the last key, together with the other filters.
  // A change of the URL from elsewhere (back, «clear filters») shows in the field; the field's own search coming back
  // does not (what was typed while the page loaded it stays, and is searched next).
  const q = get("q");
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  const [pushed, setPushed] = useState<string | null>(null);
  if (q !== shownQ) {
    setShownQ(q);
    if (q === pushed) setPushed(null);
    else if (q !== text.trim()) setText(q);
  }
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === q) return;
    const timer = setTimeout(() => {
      setPushed(wanted);
      setParam("q", wanted);
    }, 300);
    return () => clearTimeout(timer);
  });

  function setParam(key: string, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  }

  const select = (key: string, label: string, items: { id: string; name: string }[], testId: string) => (
    <label className="text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select
        className={inputClass}
        value={get(key)}
        onChange={(e) => setParam(key, e.target.value)}
        data-testid={testId}
      >
        <option value="">{t("filterAll")}</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Card>
      <form
        role="search"
        className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          setParam("q", String(new FormData(e.currentTarget).get("q") ?? "").trim());
        }}
      >
        <label className="text-sm sm:col-span-2">
          <span className="mb-1 block font-medium text-slate-700">{t("filterText")}</span>
          <input
            type="search"
            name="q"
            className={inputClass}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("filterTextPlaceholder")}
            data-testid="filter-q"
          />
        </label>
        <button
          type="button"
          className={`${secondaryButtonClass} sm:hidden`}
          aria-expanded={filtersOpen}
          aria-controls="hearing-filters"
          onClick={() => setFiltersOpen(!filtersOpen)}
          data-testid="filters-toggle"
        >
          {activeFilters ? t("showFiltersActive", { count: activeFilters }) : t("showFilters")}
        </button>
        <div id="hearing-filters" className={filtersOpen ? "contents" : "hidden sm:contents"}>
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t("filterStatus")}</span>
            <select
              className={inputClass}
              value={statusParam}
              onChange={(e) => setParam("status", e.target.value)}
              data-testid="filter-status"
            >
              <option value="">{t("allOpen")}</option>
              <option value="alle">{t("allIncludingClosed")}</option>
              {HEARING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statuses(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t("sort")}</span>
            <select
              className={inputClass}
              value={sort}
              onChange={(e) => setParam("sort", e.target.value === "deadline_asc" ? "" : e.target.value)}
              data-testid="sort"
            >
              <option value="deadline_asc">{t("sortDeadlineAsc")}</option>
              <option value="deadline_desc">{t("sortDeadlineDesc")}</option>
            </select>
          </label>
          {select("body", t("filterBody"), options.data?.issuingBodies ?? [], "filter-body")}
          {select("topic", t("filterTopic"), options.data?.topics ?? [], "filter-topic")}
          {select("responsible", t("filterResponsible"), options.data?.advisers ?? [], "filter-responsible")}
          <div className="grid grid-cols-2 gap-2">
            <label className="text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t("filterFrom")}</span>
              <input
                type="date"
                className={inputClass}
                value={get("from")}
                onChange={(e) => setParam("from", e.target.value)}
              />
            </label>
            <label className="text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t("filterTo")}</span>
              <input
                type="date"
                className={inputClass}
                value={get("to")}
                onChange={(e) => setParam("to", e.target.value)}
              />
            </label>
          </div>
        </div>
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
          {/* A live region: the count after a search or a filter is said, not only shown (WCAG 4.1.3). */}
          <p className="text-sm text-slate-600 empty:hidden" role="status" data-testid="hearing-count">
            {total !== null ? t("count", { count: total }) : ""}
          </p>
          {params.size ? (
            <button type="button" className={secondaryButtonClass} onClick={() => router.replace(pathname)}>
              {t("clearFilters")}
            </button>
          ) : null}
        </div>
      </form>
      {query.isPending ? <Loading label={t("title")} /> : null}
      {query.error ? <Alert>{errorText(query.error)}</Alert> : null}
      {items ? <HearingList items={items} today={osloDate(new Date())} /> : null}
      <ShowMore list={query} testId="hearing-more" />
    </Card>
  );
}
