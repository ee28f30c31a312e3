import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { exportNoarkPeriod } from "@innspill/domain";
import { appErrorResponse, noarkZipResponse, unauthorized } from "@/server/responses";

/** The records office's deposit: every case closed in `?from=…&to=…` as one Noark 5 extract, zipped. Admins only. */
export async function GET(req: Request) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const url = new URL(req.url);
  try {
    const pkg = await exportNoarkPeriod(
      getDb(),
      { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" },
      actor,
    );
    return await noarkZipResponse(pkg);
  } catch (err) {
    return appErrorResponse(err);
  }
}
