"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "@/trpc/client";
import type { LibraryLookup } from "./lookup";
import { positionLookupQuery } from "./position-lookup";

/**
 * The facts and positions the editor and the composer show their chips with: every fact, and the positions the
 * text names (`positionIds`, however many the library holds).
 */
export function useLibraryLookup(positionIds: readonly string[]) {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const facts = useQuery(trpc.library.facts.queryOptions());
  // A text that names another position reads the set again; the chips keep their names meanwhile.
  const positions = useQuery({
    ...positionLookupQuery(trpc, positionIds),
    placeholderData: keepPreviousData,
  });
  const lookup = useMemo<LibraryLookup>(
    () => ({
      facts: new Map(
        (facts.data ?? []).map((f) => [
          f.key,
          { label: f.label, value: f.current?.formatted ?? null, stale: f.stale },
        ]),
      ),
      positions: new Map(
        (positions.data ?? []).map((p) => [p.id, { statement: p.statement, status: p.status }]),
      ),
      labels: { nitoMener: t("nitoMener"), stale: t("stale"), unknownFact: t("unknownFact") },
    }),
    [facts.data, positions.data, t],
  );
  // Pending until the first answer only: a text that comes to name another position keeps the page (and the editor
  // open on it) while its name is read. A lookup of no positions is never asked for, and so never pending.
  const loading = facts.isPending || positions.isLoading;
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!loading) setLoaded(true);
  }, [loading]);
  return {
    lookup,
    pending: loading && !loaded,
    facts: (facts.data ?? []).map((f) => ({ key: f.key, label: f.label })),
  };
}
