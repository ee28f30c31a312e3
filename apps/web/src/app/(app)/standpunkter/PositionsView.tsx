"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Alert, Card, Field, Loading, buttonClass, inputClass } from "@/components/ui";
import { useErrorText, useFormErrors } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { useIdempotentMutation } from "@/lib/idempotency";
import { ShowMore } from "@/components/ShowMore";
import { positionListQuery, statusParam } from "./list-query";

export function PositionsView() {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  // One status filter on the page: the search form's (`?status=` in the URL) narrows this list too.
  // POSITION_PAGE positions at a time, most recently changed first; «Vis flere» reads the next.
  const list = useInfiniteQuery(positionListQuery(trpc, statusParam(useSearchParams().get("status"))));
  const items = list.data?.pages.flatMap((p) => p.items);
  const form = useFormErrors();
  const create = useIdempotentMutation(
    trpc.library.createPosition.mutationOptions({
      onSuccess: () => {
        form.clear();
        void queryClient.invalidateQueries({ queryKey: trpc.library.positions.pathKey() });
      },
      onError: form.onError,
    }),
  );
  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    create.mutate(
      {
        statement: String(fd.get("statement") ?? ""),
        topics: String(fd.get("topics") ?? ""),
        source: String(fd.get("source") ?? ""),
        status: "DRAFT",
      },
      { onSuccess: () => form.reset() },
    );
  }
  const fe = form.fieldError;

  return (
    <>
      <Card>
        {list.isPending ? <Loading label={t("positionsTitle")} /> : null}
        {list.error ? <Alert>{errorText(list.error)}</Alert> : null}
        {items?.length === 0 ? <p className="text-sm text-slate-500">{t("notYet")}</p> : null}
        <ul className="divide-y divide-slate-200" data-testid="positions">
          {items?.map((p) => (
            <li key={p.id} className="py-2 text-sm">
              <Link href={`/standpunkter/${p.id}`} className="text-blue-900 hover:underline">
                {p.statement}
              </Link>
              <p className="text-xs text-slate-500">
                {t(`statuses.${p.status}`)}
                {p.source ? ` · ${p.source}` : ""}
                {p.topics.length ? ` · ${p.topics.join(", ")}` : ""} · {t("usages", { count: p.usageCount })}
              </p>
            </li>
          ))}
        </ul>
        <ShowMore list={list} testId="positions-more" />
      </Card>
      <Card title={t("newPosition")}>
        {form.error ? <Alert>{form.error}</Alert> : null}
        <form onSubmit={onCreate} className="grid gap-3 md:grid-cols-2" noValidate>
          <div className="md:col-span-2">
            <Field id="new-statement" label={t("statement")} error={fe("statement")}>
              <textarea id="new-statement" name="statement" rows={2} className={inputClass} />
            </Field>
          </div>
          <Field id="new-topics" label={t("topics")} error={fe("topics")}>
            <input id="new-topics" name="topics" className={inputClass} />
          </Field>
          <Field id="new-source" label={t("source")} error={fe("source")}>
            <input id="new-source" name="source" className={inputClass} />
          </Field>
          <div>
            <button type="submit" className={buttonClass} disabled={create.isPending}>
              {t("create")}
            </button>
          </div>
        </form>
      </Card>
    </>
  );
}
