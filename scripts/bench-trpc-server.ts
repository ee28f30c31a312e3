/**
 * The framework floor's alternative (bench-api.ts): the same tRPC router behind tRPC's own Node HTTP adapter, with
 * no Next.js in front, answering the empty call. What is left between this and the bare handler is tRPC; what is
 * between this and the production server is Next.js (its routing and the conversion of each Node request and
 * response to web streams and back).
 */
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { appRouter } from "@innspill/api";
import { createDb } from "@innspill/db";
import { env } from "./env";

const db = createDb(env.DATABASE_URL!);
createHTTPServer({
  router: appRouter,
  basePath: "/api/trpc/",
  createContext: () => ({
    db,
    actor: null,
    jobs: {
      send: () => Promise.reject(new Error("no jobs here")),
    } as never,
  }),
}).listen(env.PORT, "127.0.0.1");
