import { getDb } from "@innspill/db";

export const dynamic = "force-dynamic";

/**
 * Readiness for a load balancer or a monitor: 200 when this web server can reach its database, 503 when it cannot.
 * Names nothing of any organisation; the process's memory is there for monitoring.
 */
export async function GET() {
  const started = performance.now();
  let database = "ok";
  try {
    await getDb().$queryRaw`SELECT 1`;
  } catch {
    database = "unreachable";
  }
  const ok = database === "ok";
  return Response.json(
    {
      status: ok ? "ok" : "unavailable",
      database,
      databaseMs: Math.round(performance.now() - started),
      uptimeSeconds: Math.round(process.uptime()),
      memory: { rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) },
    },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
