"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { emptyBody } from "@innspill/domain/shared";
import { Highlighted } from "@/components/library/Highlighted";
import { Alert, inputClass, secondaryButtonClass } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { blockSection, newKey, type DraftSection } from "./draft";

/**
 * Find published blocks by Norwegian full-text search or by topic, and add them; or start a free-text section.
 * `onAdd`'s `focus`: the new section may take the focus (false when the user went on to another field meanwhile).
 */
export function AddSection({ onAdd }: { onAdd: (s: DraftSection, focus: boolean) => void }) {
  const t = useTranslations("submissions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [q, setQ] = useState("");
  const [submitted, setSubmitted] = useState("");
  const [topic, setTopic] = useState("");
  const [adding, setAdding] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  // The library can hold thousands of blocks: the topics and a topic's blocks come from the server, a page at most.
  const topics = useQuery(trpc.library.blockTopics.queryOptions()).data ?? [];
  const byTopic = useQuery({
    ...trpc.library.blocks.queryOptions({ topic, published: true, limit: 50 }),
    enabled: !submitted && topic.length > 0,
  });
  const search = useQuery({
    ...trpc.library.search.queryOptions({ q: submitted, topic: topic || undefined }),
    enabled: submitted.trim().length > 0,
  });
  const fetching = search.isFetching || byTopic.isFetching;

  const hits: { id: string; title: string; snippet?: string }[] = submitted
    ? (search.data?.blocks ?? []).map((b) => ({ id: b.id, title: b.title, snippet: b.snippet }))
    : topic
      ? (byTopic.data?.items ?? []).map((b) => ({ id: b.id, title: b.heading }))
      : [];

  async function add(blockId: string) {
    // The block comes after two reads: where the user is by then decides whether it takes the focus.
    const from = document.activeElement;
    setAdding(blockId);
    setError(null);
    try {
      // The published version: known for a topic's blocks, asked for a search hit.
      const versionId =
        byTopic.data?.items.find((b) => b.id === blockId)?.latest?.id ??
        (await queryClient.fetchQuery(trpc.library.block.queryOptions({ id: blockId }))).publishedVersionId;
      if (!versionId) return;
      const v = await queryClient.fetchQuery(trpc.library.blockVersion.queryOptions({ id: versionId }));
      const now = document.activeElement;
      onAdd(blockSection(v), !now || now === from || now === document.body);
      setAdded(t("blockAdded", { heading: v.heading }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setAdding(null);
    }
  }

  return (
    <div className="mt-4 rounded-md border border-dashed border-slate-300 p-3">
      <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("addSection")}</h3>
      <form
        role="search"
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(q.trim());
          setAdded(null);
        }}
      >
        <input
          type="search"
          className={`${inputClass} min-w-48 flex-1`}
          placeholder={t("searchBlocks")}
          aria-label={t("searchBlocks")}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="block-search"
        />
        <select
          className={`${inputClass} w-44`}
          aria-label={t("topic")}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          data-testid="block-topic"
        >
          <option value="">{t("allTopics")}</option>
          {topics.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <button type="submit" className={secondaryButtonClass}>
          {t("search")}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() =>
            onAdd(
              {
                key: newKey(),
                kind: "FREE",
                showHeading: true,
                heading: null,
                body: emptyBody(),
                library: null,
                rev: 0,
              },
              true,
            )
          }
          data-testid="add-free-text"
        >
          {t("addFreeText")}
        </button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {search.error ? <Alert>{errorText(search.error)}</Alert> : null}
      {byTopic.error ? <Alert>{errorText(byTopic.error)}</Alert> : null}
      {/* What a search found, and what was added, said to a screen reader too (WCAG 4.1.3). */}
      <p role="status" className="mt-2 text-sm text-slate-500 empty:hidden" data-testid="block-hits-status">
        {added ??
          ((submitted || topic) && !fetching
            ? hits.length
              ? t("blockHitCount", { count: hits.length })
              : t("noBlocks")
            : "")}
      </p>
      <ul className="mt-2 space-y-2" data-testid="block-hits">
        {hits.map((h) => (
          <li key={h.id} className="flex items-start justify-between gap-2 text-sm">
            <span>
              <strong>{h.title}</strong>
              {h.snippet ? (
                <span className="block text-slate-600">
                  <Highlighted text={h.snippet} />
                </span>
              ) : null}
            </span>
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={adding === h.id}
              onClick={() => void add(h.id)}
              aria-label={t("addBlock", { heading: h.title })}
            >
              {adding === h.id ? t("adding") : t("add")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
