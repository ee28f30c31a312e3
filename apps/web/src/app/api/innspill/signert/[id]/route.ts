import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { getSignedDocument, isAppError } from "@innspill/domain";

/** The signed PDF/A of a submission; `?del=logg` the audit trail that goes with it to the archive. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return new Response("Du må logge inn.", { status: 401 });
  const { id } = await params;
  try {
    const part = new URL(req.url).searchParams.get("del") === "logg" ? "log" : "letter";
    const file = await getSignedDocument(getDb(), { id, part }, actor);
    return new Response(new Uint8Array(file.content), {
      headers: {
        "content-type": file.mediaType,
        "content-length": String(file.size),
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "x-content-sha256": file.sha256,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    if (isAppError(err)) return new Response("Det signerte dokumentet er ikke laget ennå.", { status: 404 });
    throw err;
  }
}
