import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS } from "./src/server/security-headers";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A package and everything it depends on, as globs relative to this app. The letter parsers (mammoth, unpdf) run in
 * a child process that loads them by path (packages/domain/src/imports/extract.ts), which the build's file tracing
 * cannot follow, so the standalone build is told about them here.
 */
function withDependencies(name: string, from = root, seen = new Map<string, string>()): string[] {
  // Looked up as Node would, by directory (a package's `exports` may hide its package.json).
  const lookup = createRequire(path.join(from, "noop.js")).resolve.paths(name) ?? [];
  const manifest = lookup.map((p) => path.join(p, name, "package.json")).find((f) => existsSync(f));
  if (!manifest) return [];
  const dir = path.dirname(manifest);
  if (seen.has(dir)) return [];
  seen.set(dir, name);
  const deps = Object.keys(
    (JSON.parse(readFileSync(manifest, "utf8")) as { dependencies?: Record<string, string> }).dependencies ??
      {},
  );
  for (const dep of deps) withDependencies(dep, dir, seen);
  return [...seen.keys()].map((d) => `${path.relative(import.meta.dirname, d)}/**/*`);
}

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
    "@innspill/log",
  ],
  // Native or Node-only modules stay outside the bundle.
  serverExternalPackages: [
    "@node-rs/argon2",
    "pg",
    "pg-boss",
    "mammoth",
    "unpdf",
    "snowball-stemmers",
    "pino",
    "pino-pretty",
  ],
  turbopack: { root },
  // `npm run build` makes a self-contained server (.next/standalone) that `npm run start:web` and the image run.
  output: "standalone",
  outputFileTracingRoot: root,
  // The radar's parsers too: its pages are read in the same child (packages/domain/src/radar/read.ts).
  outputFileTracingIncludes: {
    "/**": [
      ...withDependencies("mammoth"),
      ...withDependencies("unpdf"),
      ...withDependencies("fast-xml-parser"),
      ...withDependencies("node-html-parser"),
    ],
  },
  poweredByHeader: false,
  // Security headers on every response (src/server/security-headers.ts).
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
  typedRoutes: false,
};

export default withNextIntl(config);
