import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { addHearingDocument, domainMessages } from "@innspill/domain";
import { BODY_LIMITS, formWithin } from "@/server/limits";
import { appErrorResponse, unauthorized } from "@/server/responses";
import { inSlot, UPLOAD_SLOTS } from "@/server/slots";

/**
 * Upload of a PDF or DOCX to a hearing (multipart field "file"). Answers JSON; errors carry a Norwegian message. The
 * upload is refused with 413 as it streams past the limit, and read in one of the web process's upload slots (429 when
 * they and their queue are full), so a crowd of uploads does not hold a crowd of files in memory.
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { id } = await params;
  return inSlot(UPLOAD_SLOTS, () => receive(req, id, actor));
}

async function receive(
  req: Request,
  id: string,
  actor: NonNullable<Awaited<ReturnType<typeof getSessionActor>>>,
): Promise<Response> {
  const form = await formWithin(req, BODY_LIMITS.upload);
  if (form instanceof Response) return form;
  const file = form?.get("file");
  if (!(file instanceof File)) {
    return Response.json(
      { messageKey: "documentEmpty", message: domainMessages.nb.documentEmpty },
      { status: 400 },
    );
  }
  try {
    const doc = await addHearingDocument(
      getDb(),
      { hearingId: id, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      actor,
    );
    return Response.json(doc, { status: 201 });
  } catch (err) {
    return appErrorResponse(err);
  }
}
