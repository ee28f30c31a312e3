import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@innspill/api";

/** The block register as an infinite query: the server's prefetch and the browser read the same pages. */
export const blockListQuery = (trpc: TRPCOptionsProxy<AppRouter>) =>
  trpc.library.blocks.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor });
