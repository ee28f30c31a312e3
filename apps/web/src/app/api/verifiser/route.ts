import { getDb } from "@innspill/db";
import { verifyDocument } from "@innspill/domain";
import { BODY_LIMITS, formWithin } from "@/server/limits";

/**
 * Public: is this PDF a signed Innspill document? The file's SHA-256 is looked up; nothing is stored. Holding the
 * PDF is what is checked, so the answer names only what the PDF itself shows. The upload is refused with 413 as it
 * streams past the limit.
 */
export async function POST(req: Request) {
  const form = await formWithin(req, BODY_LIMITS.upload);
  if (form instanceof Response) return form;
  const file = form?.get("file");
  if (!(file instanceof File)) return Response.json({ error: "Velg en PDF-fil." }, { status: 400 });
  const result = await verifyDocument(getDb(), new Uint8Array(await file.arrayBuffer()));
  return Response.json(result);
}
