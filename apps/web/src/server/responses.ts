import "server-only";
import JSZip from "jszip";
import { domainMessages, isAppError, toAppError, type AppError, type NoarkPackage } from "@innspill/domain";

const STATUS: Record<AppError["code"], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** A domain error as a route handler's answer: its status, and the message key with its Norwegian text. */
export function appErrorResponse(thrown: unknown): Response {
  const err = toAppError(thrown);
  if (!isAppError(err)) throw err;
  const key = err.message as keyof typeof domainMessages.nb;
  const fieldKey = Object.values(err.fieldErrors ?? {})[0]?.[0] as keyof typeof domainMessages.nb | undefined;
  const shown = fieldKey && key === "invalid" ? fieldKey : key;
  return Response.json(
    { messageKey: shown, message: domainMessages.nb[shown] ?? shown, fieldErrors: err.fieldErrors ?? null },
    { status: STATUS[err.code] },
  );
}

export const unauthorized = () =>
  Response.json({ messageKey: "unauthorized", message: domainMessages.nb.unauthorized }, { status: 401 });

/** A Noark 5 package as a zip download: one folder named after the package. */
export async function noarkZipResponse(pkg: NoarkPackage): Promise<Response> {
  const zip = new JSZip();
  for (const f of pkg.files) zip.file(`${pkg.name}/${f.path}`, f.bytes);
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${pkg.name}.zip"`,
    },
  });
}
