import "server-only";
import {
  dehydrate,
  HydrationBoundary,
  type FetchInfiniteQueryOptions,
  type FetchQueryOptions,
  type QueryKey,
} from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { appRouter } from "@innspill/api";
import { createContext } from "@/server/context";
import { currentActor } from "@/server/session";
import { makeQueryClient } from "./query-client";

/** One query client per request. */
const getQueryClient = cache(() => makeQueryClient("server"));

/**
 * tRPC for server components: the same procedures and query keys as `useTRPC()` in the browser, called directly
 * (no HTTP) with the request's session.
 */
export const trpc = createTRPCOptionsProxy({
  ctx: async () =>
    createContext(
      { req: new Request("http://innspill.local", { headers: await headers() }) },
      await currentActor(),
    ),
  router: appRouter,
  queryClient: getQueryClient,
});

/**
 * A procedure's data for a server component that renders it itself (no client component, so nothing to hydrate).
 * Same request cache as `Prefetch`.
 */
export function fetchQuery<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<TData> {
  return getQueryClient().fetchQuery(options);
}

/**
 * Renders `children` with the given queries already answered: their data is in the first HTML, and the client
 * components' `useQuery` with the same options starts from it instead of fetching after hydration. A query that
 * fails here is left to the browser, which shows its error as before.
 */
export async function Prefetch({
  queries,
  infiniteQueries = [],
  children,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any procedure's options
  queries: FetchQueryOptions<any, any, any, any>[];
  /** Paged lists: their first page. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any procedure's options
  infiniteQueries?: FetchInfiniteQueryOptions<any, any, any, any, any>[];
  children: ReactNode;
}) {
  const client = getQueryClient();
  await Promise.all([
    ...queries.map((q) => client.prefetchQuery(q)),
    ...infiniteQueries.map((q) => client.prefetchInfiniteQuery(q)),
  ]);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
