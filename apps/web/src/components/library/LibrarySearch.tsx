"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { PositionStatus } from "@innspill/domain/shared";
import { Alert, Card, Loading, buttonClass, inputClass } from "../ui";
import { Highlighted } from "./Highlighted";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

const STATUSES = Object.values(PositionStatus);

/** Norwegian full-text search over positions and published blocks; the query lives in the URL (?q=…). */
export function LibrarySearch() {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q = params.get("q") ?? "";
  const topic = params.get("tema") ?? "";
  const statusParam = params.get("status") ?? "";
  const status = (STATUSES as string[]).includes(statusParam)
    ? (statusParam as (typeof STATUSES)[number])
    : undefined;
  const results = useQuery({
    ...trpc.library.search.queryOptions({ q, topic: topic || undefined, status }),
    enabled: q.trim().length > 0,
  });

  return (
    <Card>
      <form
        role="search"
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          const next = new URLSearchParams(params.toString());
          for (const key of ["q", "tema", "status"]) {
            const value = String(fd.get(key) ?? "").trim();
            if (value) next.set(key, value);
            else next.delete(key);
          }
          router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
        }}
      >
        <label className="min-w-64 flex-1">
          <span className="sr-only">{t("search")}</span>
          <input
            key={q}
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("searchPlaceholder")}
            className={inputClass}
            data-testid="library-search"
          />
        </label>
        <div className="w-40">
          <input
            key={`t${topic}`}
            name="tema"
            defaultValue={topic}
            placeholder={t("filterTopic")}
            aria-label={t("filterTopic")}
            className={inputClass}
          />
        </div>
        <div className="w-44">
          <select
            key={`s${statusParam}`}
            name="status"
            defaultValue={statusParam}
            aria-label={t("status")}
            className={inputClass}
          >
            <option value="">{t("allStatuses")}</option>
            {STATUSES.map((x) => (
              <option key={x} value={x}>
                {t(`statuses.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          {t("searchButton")}
        </button>
      </form>
      {q && results.isPending ? <Loading label={t("search")} /> : null}
      {/* What the search found, said to a screen reader too (WCAG 4.1.3). */}
      <p className="mt-3 text-sm text-slate-600 empty:hidden" role="status" data-testid="search-count">
        {results.data
          ? t("searchCount", { blocks: results.data.blocks.length, positions: results.data.positions.length })
          : ""}
      </p>
      {results.error ? <Alert>{errorText(results.error)}</Alert> : null}
      {results.data ? (
        <>
          {results.data.rankedAmong ? (
            <p className="mt-3 text-sm text-slate-600" role="status" data-testid="search-broad">
              {t("broadSearch", { count: results.data.rankedAmong })}
            </p>
          ) : null}
          <div className="mt-4 grid gap-4 md:grid-cols-2" data-testid="search-results">
            <section>
              <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("hitsBlocks")}</h3>
              {results.data.blocks.length === 0 ? (
                <p className="text-sm text-slate-500">{t("noHits")}</p>
              ) : null}
              <ul className="space-y-2 text-sm">
                {results.data.blocks.map((b) => (
                  <li key={b.id} data-testid="hit-block">
                    <Link href={`/tekstblokker/${b.id}`} className="font-medium text-blue-900 underline">
                      {b.title}
                    </Link>
                    <p className="text-slate-700">
                      <Highlighted text={b.snippet} />
                    </p>
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("hitsPositions")}</h3>
              {results.data.positions.length === 0 ? (
                <p className="text-sm text-slate-500">{t("noHits")}</p>
              ) : null}
              <ul className="space-y-2 text-sm">
                {results.data.positions.map((p) => (
                  <li key={p.id} data-testid="hit-position">
                    <Link href={`/standpunkter/${p.id}`} className="text-blue-900 hover:underline">
                      <Highlighted text={p.snippet} />
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      ) : null}
    </Card>
  );
}
