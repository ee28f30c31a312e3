"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

/** The saved letter's preview, warnings and snapshot hash; keeps the last one on screen while it reloads. */
export function usePreview(id: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.submission.preview.queryOptions({ id }), placeholderData: (p) => p });
}
