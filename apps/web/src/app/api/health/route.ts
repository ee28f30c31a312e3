import { getDb } from "@innspill/db";

export const dynamic = "force-dynamic";

/**
 * Readiness for a load balancer or a monitor: 200 `{ status: "ok" }` when this web server can reach its database,
 * 503 `{ status: "unavailable" }` when it cannot, and nothing more: it is public. The worker's /healthz (on its own
 * port, this machine only) and the logs have the details.
 */
export async function GET() {
  let ok = true;
  try {
    await getDb().$queryRaw`SELECT 1`;
  } catch {
    ok = false;
  }
  return Response.json(
    { status: ok ? "ok" : "unavailable" },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
