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
