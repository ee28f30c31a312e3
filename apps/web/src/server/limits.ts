import "server-only";
import { domainMessages } from "@innspill/domain";
import { env } from "@/env";

/** Body limits in bytes, from the validated environment (see env.ts). */
export const BODY_LIMITS = {
  trpc: env.BODY_LIMIT_TRPC_MB * 1024 * 1024,
  upload: env.BODY_LIMIT_UPLOAD_MB * 1024 * 1024,
  verify: env.BODY_LIMIT_VERIFY_MB * 1024 * 1024,
};

/** Thrown while a body streams in, at the first byte past its limit. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super("bodyTooLarge");
  }
}

/**
 * The request with its body counted as it streams: a declared Content-Length over the limit is refused at once, and
 * reading past the limit fails with `BodyTooLarge` (or `tooLarge()` when given) and stops the upload. Nothing past
 * the limit is held in memory, chunked or not.
 */
export function limitBody(
  req: Request,
  limit: number,
  tooLarge: () => Error = () => new BodyTooLarge(limit),
): Request {
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!req.body) return req;
  const reader = req.body.getReader();
  let seen = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      seen += value.byteLength;
      if (seen > limit) {
        const error = tooLarge();
        await reader.cancel(error).catch(() => {});
        return controller.error(error);
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body,
    signal: req.signal,
    // Node's fetch needs this for a streamed request body.
    ...({ duplex: "half" } as object),
  });
}

/** The 413 answer, with the limit in Norwegian (`error` too, for the public verifier's form). */
export function bodyTooLargeResponse(limit: number): Response {
  const message = `${domainMessages.nb.requestTooLarge} Grensen er ${formatLimit(limit)}.`;
  return Response.json({ messageKey: "requestTooLarge", message, error: message }, { status: 413 });
}

/** A limit as people read it, in Norwegian: «64 kB», «1,5 MB», «21 MB». */
function formatLimit(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  const mb = Math.round((bytes / 1024 / 1024) * 10) / 10;
  return `${String(mb).replace(".", ",")} MB`;
}
