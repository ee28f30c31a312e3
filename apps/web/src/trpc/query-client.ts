import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";

/**
 * One query client setup for the browser and for the server's prefetch: what a page's server component prefetched
 * travels in the first HTML (superjson, as over the wire) and is the browser's cache when it hydrates, so the
 * page's content is there without a request after load.
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Retry network trouble, never an answer the server gave on purpose.
        retry: (count, err) => !(err instanceof TRPCClientError && err.data) && count < 2,
      },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query),
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
