import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@innspill/api";

/** The letters list as an infinite query: the server's prefetch and the browser read the same pages. */
export const submissionListQuery = (trpc: TRPCOptionsProxy<AppRouter>) =>
  trpc.submission.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor });
