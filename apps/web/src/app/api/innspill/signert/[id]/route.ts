import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { getSignedDocument } from "@innspill/domain";
import { appErrorResponse, downloadResponse, unauthorized } from "@/server/responses";
import { logEvent } from "@/server/log";

/** The signed PDF/A of a submission; `?del=logg` the audit trail that goes with it to the archive. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { id } = await params;
  try {
    const part = new URL(req.url).searchParams.get("del") === "logg" ? "log" : "letter";
    const doc = await getSignedDocument(getDb(), { id, part }, actor);
    logEvent(req, "download", { what: `signed.${part}`, id, userId: actor.id });
    return downloadResponse(doc);
  } catch (err) {
    return appErrorResponse(err);
  }
}
