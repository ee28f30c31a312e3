import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { addHearingDocument, domainMessages } from "@innspill/domain";
import { crossSiteResponse } from "@/server/cross-site";
import { BODY_LIMITS, formWithin } from "@/server/limits";
import { appErrorResponse, unauthorized } from "@/server/responses";

/**
 * Upload of a PDF or DOCX to a hearing (multipart field "file"). Answers JSON; errors carry a Norwegian message. The
 * upload is refused with 413 as it streams past the limit.
 */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = crossSiteResponse(req);
  if (refused) return refused;
  const actor = await getSessionActor();
  if (!actor) return unauthorized();
  const { id } = await params;
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
