import { trpcHandler } from "@/server/trpc-handler";

/**
 * tRPC under Next.js: in development (`next dev`). The production server answers `/api/trpc/…` itself with the same
 * handler before Next.js sees the request (apps/web/server.cjs).
 */
const handler = (req: Request) => trpcHandler(req);

export { handler as GET, handler as POST };
