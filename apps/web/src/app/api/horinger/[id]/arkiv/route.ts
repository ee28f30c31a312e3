import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { exportNoark } from "@innspill/domain";
import { appErrorResponse, noarkZipResponse, unauthorized } from "@/server/responses";
import { logEvent } from "@/server/log";

/** «Eksporter til arkiv»: a closed hearing case as a Noark 5 extract, zipped. An open case is 409. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { id } = await params;
  try {
    const pkg = await exportNoark(getDb(), { id }, actor);
    logEvent(req, "export", { what: "case", id, name: pkg.name, userId: actor.id });
    return await noarkZipResponse(pkg);
  } catch (err) {
    return appErrorResponse(err);
  }
}
