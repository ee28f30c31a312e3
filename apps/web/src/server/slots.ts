import "server-only";
import { domainMessages, Slots } from "@innspill/domain";

/**
 * Kept on the process, not the module: the production server's tRPC handler is bundled apart from the route handlers
 * (instrumentation.ts), and uploads through either take slots from the same pool.
 */
const globalForSlots = globalThis as unknown as { innspillUploadSlots?: Slots };

/**
 * How many large request bodies this web process holds at once. A request whose body may be large (an upload, a
 * tRPC call over 256 KB: a letter import) waits for a slot before its body is read, so a crowd of uploads costs a
 * queue entry each, not its body's memory. Past the queue, or after 30 s in it, the answer is 429 at once.
 * Together with the body limits this bounds the web process's memory (docs/operations.md, «Memory bounds»).
 */
export const UPLOAD_SLOTS = (globalForSlots.innspillUploadSlots ??= new Slots(3, 24, 30_000));

/**
 * The public verifier: it hashes the PDF as it streams and holds at most a chunk of it, so more may run at once.
 */
export const VERIFY_SLOTS = new Slots(8, 64, 30_000);

/**
 * A body larger than this (or of unknown size) counts as large: a letter import, an upload. Saving even a long
 * letter sends less, so everyday calls never wait for a slot.
 */
const LARGE_BODY = 256 * 1024;

class Busy extends Error {
  constructor() {
    super("serverBusy");
  }
}

/** 429 with a Norwegian message (`error` too, for the verifier's form), and when to try again. */
function busyResponse(): Response {
  const message = domainMessages.nb.serverBusy;
  return Response.json(
    { messageKey: "serverBusy", message, error: message },
    { status: 429, headers: { "retry-after": "5" } },
  );
}

/** Whether a request's body may be large: a declared size over `LARGE_BODY`, or a body of unknown size. */
export function mayBeLarge(req: Request): boolean {
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return false;
  const declared = req.headers.get("content-length");
  return declared === null || Number(declared) > LARGE_BODY;
}

/** Runs a handler in a slot of `slots`, or answers 429 when the server already holds as many as it takes. */
export async function inSlot(
  slots: Slots,
  handle: () => Promise<Response>,
  busy: () => Response = busyResponse,
): Promise<Response> {
  try {
    return await slots.run(handle, () => new Busy());
  } catch (err) {
    if (err instanceof Busy) return busy();
    throw err;
  }
}

/**
 * The 429 as tRPC's client reads it (one error per call of the batch, superjson-wrapped), so the page shows
 * «Serveren tar imot mange filer …» like any other refusal.
 */
export function trpcBusyResponse(req: Request): Response {
  const url = new URL(req.url);
  const calls = url.pathname.slice("/api/trpc/".length).split(",");
  const error = (path: string) => ({
    error: {
      json: {
        message: "serverBusy",
        code: -32029,
        data: {
          code: "TOO_MANY_REQUESTS",
          httpStatus: 429,
          path,
          messageKey: "serverBusy",
          fieldErrors: null,
        },
      },
    },
  });
  const body = url.searchParams.get("batch") === "1" ? calls.map(error) : error(calls[0] ?? "");
  return Response.json(body, { status: 429, headers: { "retry-after": "5" } });
}
