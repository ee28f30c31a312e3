import JSZip from "jszip";
import { getSessionActor } from "@innspill/auth";
import { getDb } from "@innspill/db";
import { exportNoark, isAppError } from "@innspill/domain";

/** «Eksporter til arkiv»: the hearing case as a Noark 5 package (XML, its XSD and the documents), zipped. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getSessionActor();
  if (!actor) return new Response("Du må logge inn.", { status: 401 });
  const { id } = await params;
  try {
    const pkg = await exportNoark(getDb(), { id }, actor);
    const zip = new JSZip();
    for (const f of pkg.files) zip.file(`${pkg.name}/${f.path}`, f.bytes);
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${pkg.name}.zip"`,
      },
    });
  } catch (err) {
    if (isAppError(err)) return new Response("Fant ikke høringen.", { status: 404 });
    throw err;
  }
}
