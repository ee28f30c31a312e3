import "server-only";
import { Readable } from "node:stream";
import {
  PACKAGE_FOLDER,
  domainMessages,
  isAppError,
  noarkZipStream,
  toAppError,
  type AppError,
  type NoarkPackage,
} from "@innspill/domain";

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

/**
 * A Noark 5 package as a zip download, streamed as it is made (documents read one at a time): every file under the
 * folder `avleveringspakke`, the zip named after the package.
 */
export async function noarkZipResponse(pkg: NoarkPackage): Promise<Response> {
  const body = Readable.toWeb(noarkZipStream(pkg, PACKAGE_FOLDER)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${pkg.name}.zip"`,
    },
  });
}
