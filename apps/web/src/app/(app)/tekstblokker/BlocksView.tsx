"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, Loading, buttonClass, inputClass } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { ShowMore } from "@/components/ShowMore";
import { blockListQuery } from "./list-query";
import { useIdempotentMutation } from "@/lib/idempotency";

export function BlocksView({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useErrorText();
  // BLOCK_PAGE blocks at a time, by heading; «Vis flere» reads the next.
  const list = useInfiniteQuery(blockListQuery(trpc));
  const items = list.data?.pages.flatMap((p) => p.items);
  const [error, setError] = useState<string | null>(null);
  const create = useIdempotentMutation(
    trpc.library.createBlock.mutationOptions({
      onSuccess: (b) => router.push(`/tekstblokker/${b.id}`),
      onError: (err) => setError(errorText(err)),
    }),
  );
  return (
    <Card>
      {list.isPending ? <Loading label={t("blocksTitle")} /> : null}
      {list.error ? <Alert>{errorText(list.error)}</Alert> : null}
      {items?.length === 0 ? <p className="text-sm text-slate-500">{t("notYet")}</p> : null}
      <ul className="divide-y divide-slate-200" data-testid="blocks">
        {items?.map((b) => (
          <li key={b.id} className="py-2 text-sm">
            <Link href={`/tekstblokker/${b.id}`} className="font-medium text-blue-900 hover:underline">
              {b.heading}
            </Link>
            <p className="text-xs text-slate-500">
              {b.latest ? t("published", { n: b.latest.number }) : t("unpublished")}
              {b.topics.length ? ` · ${b.topics.join(", ")}` : ""}
            </p>
          </li>
        ))}
      </ul>
      <ShowMore list={list} testId="blocks-more" />
      {canEdit ? (
        <form
          className="mt-4 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ heading: String(new FormData(e.currentTarget).get("heading") ?? "") });
          }}
        >
          <label className="min-w-64 flex-1 text-sm">
            <span className="block text-slate-700">{t("newBlock")}</span>
            <input name="heading" className={inputClass} placeholder={t("heading")} />
          </label>
          <button type="submit" className={buttonClass} disabled={create.isPending}>
            {t("create")}
          </button>
          {error ? <p className="w-full text-sm text-red-700">{error}</p> : null}
        </form>
      ) : null}
    </Card>
  );
}
