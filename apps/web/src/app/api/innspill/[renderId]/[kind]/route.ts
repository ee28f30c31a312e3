import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { getRenderFile } from "@innspill/domain";
import { appErrorResponse, downloadResponse, unauthorized } from "@/server/responses";
import { logEvent } from "@/server/log";

/** Downloads a rendered letter (PDF or DOCX), streamed from the content-addressed store. */
export async function GET(req: Request, { params }: { params: Promise<{ renderId: string; kind: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { renderId, kind } = await params;
  try {
    const file = await getRenderFile(getDb(), { id: renderId, kind }, actor);
    logEvent(req, "download", { what: `render.${kind}`, id: renderId, userId: actor.id });
    return downloadResponse(file, { cacheControl: "private, max-age=31536000, immutable" });
  } catch (err) {
    return appErrorResponse(err);
  }
}
