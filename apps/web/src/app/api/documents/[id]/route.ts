import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { getHearingDocument, isAppError } from "@innspill/domain";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return new Response("Du må logge inn.", { status: 401 });
  const { id } = await params;
  try {
    const doc = await getHearingDocument(getDb(), id, actor);
    return new Response(new Uint8Array(doc.content), {
      headers: {
        "content-type": doc.mimeType,
        "content-length": String(doc.size),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
        "x-content-sha256": doc.sha256,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    if (isAppError(err)) return new Response("Fant ikke dokumentet.", { status: 404 });
    throw err;
  }
}
