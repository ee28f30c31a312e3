import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import superjson from "superjson";

/**
 * One query client setup for the browser and for the server's prefetch: what a page's server component prefetched
 * travels in the first HTML (superjson, as over the wire) and is the browser's cache when it hydrates, so the
 * page's content is there without a request after load.
 *
 * The browser retries network trouble, never an answer the server gave on purpose. The server calls the procedures
 * directly, with no network between: a failure there is an answer (an unknown or another organisation's id, a role
 * refused), so it is not retried, and the page is not held back by the retries' waits (3 s a query, it was); the
 * browser shows the error as before.
 */
export function makeQueryClient(where: "browser" | "server" = "browser") {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry:
          where === "server"
            ? false
            : (count, err) => !(err instanceof TRPCClientError && err.data) && count < 2,
      },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query),
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
