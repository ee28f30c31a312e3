import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@innspill/api";
import { bodyPositionIds, type BlockBody } from "@innspill/domain/shared";

/** The positions some texts name, each once and in one order, so that the server and the browser ask alike. */
export function positionIdsIn(bodies: readonly (BlockBody | null | undefined)[]): string[] {
  return [...new Set(bodies.flatMap((b) => (b ? bodyPositionIds(b) : [])))].sort();
}

/** The statements of the positions a page's texts name (nothing to ask when they name none). */
export const positionLookupQuery = (trpc: TRPCOptionsProxy<AppRouter>, ids: readonly string[]) =>
  trpc.library.positionLookup.queryOptions({ ids: [...ids] }, { enabled: ids.length > 0 });
