import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@innspill/api";
import { createContext } from "@/server/context";
import { BODY_LIMITS, bodyTooLargeResponse, limitBody } from "@/server/limits";

/** tRPC, with its body refused (413, PAYLOAD_TOO_LARGE) as it streams past the limit. */
const handler = (req: Request) => {
  let limited: Request;
  try {
    limited = limitBody(
      req,
      BODY_LIMITS.trpc,
      () => new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "requestTooLarge" }),
    );
  } catch {
    return bodyTooLargeResponse(BODY_LIMITS.trpc);
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limited,
    router: appRouter,
    createContext,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
};

export { handler as GET, handler as POST };
