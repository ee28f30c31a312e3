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

/** A domain error's answer for a key of the messages (a route's own «not found»). */
export const messageResponse = (code: AppError["code"], key: keyof typeof domainMessages.nb) =>
  Response.json(
    { messageKey: key, message: domainMessages.nb[key], fieldErrors: null },
    { status: STATUS[code] },
  );

export interface DownloadFile {
  content: Uint8Array | string;
  mediaType: string;
  filename: string;
  /** The content's SHA-256, sent as `x-content-sha256` (stored files are named by it). */
  sha256?: string;
}

/**
 * Every download a route handler answers: the type, length, file name (RFC 5987, any characters), the content's
 * hash when known, no sniffing, and the caching asked for. `inline` for what the client reads itself (a calendar).
 */
export function downloadResponse(
  file: DownloadFile,
  options: { inline?: boolean; cacheControl?: string } = {},
): Response {
  const body = typeof file.content === "string" ? new TextEncoder().encode(file.content) : file.content;
  const headers: Record<string, string> = {
    "content-type": file.mediaType,
    "content-length": String(body.byteLength),
    // An ASCII name for clients that read only `filename` (the archive page reads it), the exact one in `filename*`.
    "content-disposition": `${options.inline ? "inline" : "attachment"}; filename="${file.filename.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    "x-content-type-options": "nosniff",
  };
  if (file.sha256) headers["x-content-sha256"] = file.sha256;
  if (options.cacheControl) headers["cache-control"] = options.cacheControl;
  return new Response(new Uint8Array(body), { headers });
}

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
