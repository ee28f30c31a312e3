import { defineConfig } from "prisma/config";
import { createCliAdapter } from "./packages/db/src/cli-adapter";

// Prisma 6.19 with the wasm schema engine through a driver adapter: see packages/db/src/cli-adapter.ts.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return createCliAdapter(process.env.DATABASE_URL);
  },
});
