import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import path from "node:path";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  // Workspace packages are TypeScript source; Next compiles them.
  transpilePackages: [
    "@innspill/api",
    "@innspill/auth",
    "@innspill/db",
    "@innspill/documents",
    "@innspill/domain",
    "@innspill/jobs",
  ],
  // Native or Node-only modules stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "mammoth", "unpdf", "snowball-stemmers"],
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(config);
