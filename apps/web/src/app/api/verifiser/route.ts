import { getDb } from "@innspill/db";
import { verifyDocumentHash } from "@innspill/domain";
import { readMultipartFile } from "@/server/multipart";
import { BODY_LIMITS, bodyTooLargeResponse } from "@/server/limits";
import { messageResponse } from "@/server/responses";
import { inSlot, VERIFY_SLOTS } from "@/server/slots";
import { logEvent } from "@/server/log";

/**
 * Public: is this PDF a signed Innspill document? The file is hashed as it streams in (the server holds a chunk of
 * it at a time) and its SHA-256 looked up; nothing is stored. A signed letter is tens of KB, so the limit is low
 * (`BODY_LIMIT_VERIFY_MB`, 5 MB), refused with 413 as the body passes it; at most `VERIFY_SLOTS` run at once, the
 * rest wait their turn or get 429. Holding the PDF is what is checked, so the answer names only what the PDF itself
 * shows, and no internal id.
 */
export async function POST(req: Request) {
  return inSlot(VERIFY_SLOTS, async () => {
    const file = await readMultipartFile(req, "file", BODY_LIMITS.verify);
    if (file === "tooLarge") return bodyTooLargeResponse(BODY_LIMITS.verify);
    if (!file || file.size === 0) return messageResponse("BAD_REQUEST", "verifyFileMissing");
    const answer = await verifyDocumentHash(getDb(), file.sha256);
    // Public: the hash and the answer only (no address, no file).
    logEvent(req, "verification", { sha256: file.sha256, result: answer.status, bytes: file.size });
    return Response.json(answer);
  });
}
