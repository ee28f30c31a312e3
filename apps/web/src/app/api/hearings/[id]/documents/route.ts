import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { addHearingDocument, checkHearingUpload, domainMessages } from "@innspill/domain";
import { crossSiteResponse } from "@/server/cross-site";
import { BODY_LIMITS, bodyTooLargeResponse } from "@/server/limits";
import { readMultipartFile } from "@/server/multipart";
import { appErrorResponse, unauthorized } from "@/server/responses";
import { inSlot, UPLOAD_SLOTS } from "@/server/slots";
import { logEvent } from "@/server/log";

/**
 * Upload of a PDF or DOCX to a hearing (multipart field "file"). Answers JSON; errors carry a Norwegian message. The
 * upload is refused with 413 as it streams past the limit, and read in one of the web process's upload slots (429 when
 * they and their queue are full), so a crowd of uploads does not hold a crowd of files in memory.
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = crossSiteResponse(req);
  if (refused) return refused;
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { id } = await params;
  // A closed or full case is refused before the file is read.
  try {
    await checkHearingUpload(getDb(), { hearingId: id }, actor);
  } catch (err) {
    return appErrorResponse(err);
  }
  return inSlot(UPLOAD_SLOTS, () => receive(req, id, actor));
}

async function receive(
  req: Request,
  id: string,
  actor: NonNullable<Awaited<ReturnType<typeof getSessionActor>>>,
): Promise<Response> {
  // Read as it streams, into one list of pieces: no form parser holds a second copy on the event loop.
  const pieces: Buffer[] = [];
  const file = await readMultipartFile(req, "file", BODY_LIMITS.upload, (p) => pieces.push(p));
  if (file === "tooLarge") return bodyTooLargeResponse(BODY_LIMITS.upload);
  if (!file || file.size === 0) {
    return Response.json(
      { messageKey: "documentEmpty", message: domainMessages.nb.documentEmpty },
      { status: 400 },
    );
  }
  try {
    const doc = await addHearingDocument(
      getDb(),
      { hearingId: id, filename: file.filename ?? "", bytes: Buffer.concat(pieces, file.size) },
      actor,
    );
    logEvent(req, "upload", { what: "hearingDocument", hearingId: id, bytes: file.size, userId: actor.id });
    return Response.json(doc, { status: 201 });
  } catch (err) {
    return appErrorResponse(err);
  }
}
