/**
 * On every response: no framing anywhere (the signing page least of all), no MIME sniffing, no referrer to other
 * sites, and HSTS (browsers heed it over HTTPS only). Pages add a script-src with a nonce per response (proxy.ts).
 * Next.js sends them (next.config.ts); the production server's tRPC answers, which bypass Next.js, set the same
 * (server/trpc-handler.ts).
 */
export const SECURITY_HEADERS = [
  {
    key: "Content-Security-Policy",
    value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
] as const;
