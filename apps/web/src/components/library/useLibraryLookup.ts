"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTRPC } from "@/trpc/client";
import type { LibraryLookup } from "./lookup";

/** The facts and positions the block editor shows its chips with, from the library queries. */
export function useLibraryLookup() {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const facts = useQuery(trpc.library.facts.queryOptions());
  const positions = useQuery(trpc.library.positions.queryOptions({}));
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
  return {
    lookup,
    pending: facts.isPending || positions.isPending,
    facts: (facts.data ?? []).map((f) => ({ key: f.key, label: f.label })),
    /** Positions that may be added to a text (not retired ones). */
    positions: (positions.data ?? []).filter((p) => p.status !== "RETIRED"),
  };
}
