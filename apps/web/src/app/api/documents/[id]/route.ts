import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { getHearingDocument } from "@innspill/domain";
import { appErrorResponse, downloadResponse, unauthorized } from "@/server/responses";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { id } = await params;
  try {
    const doc = await getHearingDocument(getDb(), id, actor);
    return downloadResponse({ ...doc, mediaType: doc.mimeType });
  } catch (err) {
    return appErrorResponse(err);
  }
}
