import { getDb } from "@innspill/db";
import { verifyDocument } from "@innspill/domain";

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Public: is this PDF a signed Innspill document? The file's SHA-256 is looked up; nothing is stored. Holding the
 * PDF is what is checked, so the answer names only what the PDF itself shows.
 */
export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) return Response.json({ error: "Velg en PDF-fil." }, { status: 400 });
  if (file.size > MAX_BYTES)
    return Response.json({ error: "Filen er for stor (høyst 20 MB)." }, { status: 413 });
  const result = await verifyDocument(getDb(), new Uint8Array(await file.arrayBuffer()));
  return Response.json(result);
}
