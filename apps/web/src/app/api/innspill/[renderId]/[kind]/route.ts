import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { getRenderFile, isAppError } from "@innspill/domain";

/** Downloads a rendered letter (PDF or DOCX), streamed from the content-addressed store. */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ renderId: string; kind: string }> },
) {
  const actor = await getSessionActor();
  if (!actor) return new Response("Du må logge inn.", { status: 401 });
  const { renderId, kind } = await params;
  try {
    const file = await getRenderFile(getDb(), { id: renderId, kind }, actor);
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": file.mediaType,
        "content-length": String(file.size),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "x-content-sha256": file.sha256,
        "x-content-type-options": "nosniff",
        "cache-control": "private, max-age=31536000, immutable",
      },
    });
  } catch (err) {
    if (isAppError(err))
      return new Response("Fant ikke dokumentet. Lag dokumentene på nytt.", { status: 404 });
    throw err;
  }
}
