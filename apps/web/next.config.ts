import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
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
  outputFileTracingIncludes: { "/**": [...withDependencies("mammoth"), ...withDependencies("unpdf")] },
  poweredByHeader: false,
  // On every response: no framing anywhere (the signing page least of all), no MIME sniffing, no referrer to other
  // sites, and HSTS (browsers heed it over HTTPS only). Pages add a script-src with a nonce per response (proxy.ts).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
          },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
        ],
      },
    ];
  },
  typedRoutes: false,
};

export default withNextIntl(config);
