"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { inputClass } from "../ui";
import { useDebounced } from "@/lib/debounced";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

export interface PickedPosition {
  id: string;
  statement: string;
  status: string;
}

/** How many positions a search shows: the most recently changed that match. */
const HITS = 20;

/**
 * Finds positions by words of their statement, however many the library holds, and keeps the chosen ones. `many`
 * chooses any number (checkboxes), otherwise one (radio buttons). Given a `name`, the chosen ids go with the
 * surrounding form as hidden inputs of that name.
 */
export function PositionPicker({
  name,
  many,
  chosen,
  onChange,
  only,
  exclude,
  inputId,
}: {
  name?: string;
  many: boolean;
  chosen: PickedPosition[];
  onChange: (chosen: PickedPosition[]) => void;
  /** "usable": drafts and active positions (what a text may name); "active": active ones only. */
  only: "usable" | "active";
  /** A position never offered (the one being edited). */
  exclude?: string;
  /** The search field's id, when a label outside names it. */
  inputId?: string;
}) {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const ownId = useId();
  const [text, setText] = useState("");
  // Searches once typing pauses; Enter searches at once.
  const [q, searchNow] = useDebounced(text.trim(), 250);
  const hits = useQuery({
    ...trpc.library.positions.queryOptions({
      ...(only === "active" ? { status: "ACTIVE" as const } : { usable: true }),
      ...(q ? { q } : {}),
      limit: HITS,
    }),
    placeholderData: keepPreviousData,
  });
  const isChosen = (id: string) => chosen.some((c) => c.id === id);
  function toggle(p: PickedPosition) {
    if (!many) onChange(isChosen(p.id) ? [] : [p]);
    else onChange(isChosen(p.id) ? chosen.filter((c) => c.id !== p.id) : [...chosen, p]);
  }
  const offered = hits.data?.items.filter((p) => p.id !== exclude) ?? [];

  return (
    <div className="w-full space-y-2" data-testid="position-picker">
      {name ? chosen.map((c) => <input key={c.id} type="hidden" name={name} value={c.id} />) : null}
      {chosen.length ? (
        <div>
          <p className="text-xs font-medium text-slate-600">{t("chosenPositions")}</p>
          <ul className="space-y-1" data-testid="position-chosen">
            {chosen.map((c) => (
              <li key={c.id} className="flex items-start gap-2">
                <span className="flex-1">{c.statement}</span>
                <button
                  type="button"
                  className="text-blue-800 underline"
                  aria-label={t("removeChoice", { statement: c.statement.slice(0, 60) })}
                  onClick={() => onChange(chosen.filter((x) => x.id !== c.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {inputId ? null : (
        <label htmlFor={ownId} className="block text-xs font-medium text-slate-600">
          {t("findPosition")}
        </label>
      )}
      <input
        id={inputId ?? ownId}
        type="search"
        className={inputClass}
        placeholder={t("findPositionPlaceholder")}
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          searchNow();
        }}
        data-testid="position-search"
      />
      {hits.error ? <p className="text-red-800">{errorText(hits.error)}</p> : null}
      {hits.data && offered.length === 0 ? <p className="text-slate-500">{t("noPositionFound")}</p> : null}
      <ul className="max-h-48 space-y-1 overflow-y-auto" aria-busy={hits.isFetching}>
        {offered.map((p) => (
          <li key={p.id}>
            <label className="flex items-start gap-2">
              <input
                type={many ? "checkbox" : "radio"}
                className="mt-1"
                checked={isChosen(p.id)}
                onChange={() => toggle(p)}
                data-testid="position-option"
              />
              <span>{p.statement}</span>
            </label>
          </li>
        ))}
      </ul>
      {hits.data?.total && hits.data.total > hits.data.items.length ? (
        <p className="text-xs text-slate-500">
          {t("positionHits", { shown: hits.data.items.length, total: hits.data.total })}
        </p>
      ) : null}
    </div>
  );
}
