import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { exportNoarkPeriod } from "@innspill/domain";
import { appErrorResponse, noarkZipResponse, unauthorized } from "@/server/responses";
import { logEvent } from "@/server/log";

/**
 * The records office's deposit: every case closed in `?from=…&to=…` as one Noark 5 extract, zipped and streamed.
 * A period that has not ended needs `&interim=1`, and is then marked as an interim extract. Admins only.
 */
export async function GET(req: Request) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const url = new URL(req.url);
  try {
    const pkg = await exportNoarkPeriod(
      getDb(),
      {
        from: url.searchParams.get("from") ?? "",
        to: url.searchParams.get("to") ?? "",
        interim: url.searchParams.get("interim") === "1",
      },
      actor,
    );
    logEvent(req, "export", { what: "period", name: pkg.name, cases: pkg.cases, userId: actor.id });
    return await noarkZipResponse(pkg);
  } catch (err) {
    return appErrorResponse(err);
  }
}
