import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { addHearingDocument, domainMessages, isAppError, MAX_DOCUMENT_BYTES } from "@innspill/domain";

const status = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** Upload of a PDF or DOCX to a hearing (multipart field "file"). Answers JSON; errors carry a Norwegian message. */
export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return Response.json({ message: domainMessages.nb.unauthorized }, { status: 401 });
  const { id } = await params;
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_DOCUMENT_BYTES + 64 * 1024) {
    return Response.json(
      { messageKey: "documentTooLarge", message: domainMessages.nb.documentTooLarge },
      { status: 413 },
    );
  }
  const form = await req.formData().catch(() => null);
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
    if (isAppError(err)) {
      const key = err.message as keyof typeof domainMessages.nb;
      return Response.json(
        { messageKey: key, message: domainMessages.nb[key] ?? key },
        { status: status[err.code] },
      );
    }
    throw err;
  }
}
