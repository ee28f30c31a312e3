import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { getOutcomeReportFile } from "@innspill/domain";
import { appErrorResponse, downloadResponse, unauthorized } from "@/server/responses";

/** Downloads «Politiske gjennomslag <år>» (PDF/A or DOCX) as the worker rendered it, from the content-addressed store. */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ renderId: string; kind: string }> },
) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { renderId, kind } = await params;
  try {
    const file = await getOutcomeReportFile(getDb(), { id: renderId, kind }, actor);
    return downloadResponse(file, { cacheControl: "private, max-age=31536000, immutable" });
  } catch (err) {
    return appErrorResponse(err);
  }
}
