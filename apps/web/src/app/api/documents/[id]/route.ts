import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { getHearingDocument } from "@innspill/domain";
import { appErrorResponse, downloadResponse, unauthorized } from "@/server/responses";
import { logEvent } from "@/server/log";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { id } = await params;
  try {
    const doc = await getHearingDocument(getDb(), id, actor);
    logEvent(req, "download", { what: "hearingDocument", id, userId: actor.id });
    return downloadResponse({ ...doc, mediaType: doc.mimeType });
  } catch (err) {
    return appErrorResponse(err);
  }
}
