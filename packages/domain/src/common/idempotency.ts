/**
 * Idempotent creates. A form sends a key it made once (a UUID); the first request with it runs, and any repeat (a
 * double click that got through, a retry after a dropped connection, a second tab) gets the first one's answer
 * instead of a second row. A repeat that arrives while the first still runs waits for its answer. A failed first
 * request leaves no key behind, so the user can try again with the same form.
 */
import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { AppError } from "./errors";

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEEP_HOURS = 24;
/** How long a repeat waits for the first request's answer, and when a first request counts as lost. */
const WAIT_MS = 10_000;
const LOST_MS = 120_000;

/** The key a request carries (`idempotencyKey` in its input), or null. */
export function idempotencyKeyOf(input: unknown): string | null {
  const key =
    input && typeof input === "object" ? (input as { idempotencyKey?: unknown }).idempotencyKey : null;
  return typeof key === "string" && KEY.test(key) ? key : null;
}

export async function runOnce<T>(
  db: Db,
  actor: Actor,
  request: { key: string; operation: string },
  run: () => Promise<T>,
  codec: { serialize(value: T): unknown; deserialize(stored: unknown): T },
): Promise<T> {
  const { key, operation } = request;
  await db.idempotentRequest.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - KEEP_HOURS * 3_600_000) } },
  });
  const claimed = await db.$executeRaw`
    INSERT INTO "IdempotentRequest" (key, "userId", operation)
    VALUES (${key}::uuid, ${actor.id}::uuid, ${operation}) ON CONFLICT (key) DO NOTHING`;
  if (claimed === 1) {
    try {
      const result = await run();
      await db.idempotentRequest.update({
        where: { key },
        data: { response: codec.serialize(result) as object },
      });
      return result;
    } catch (err) {
      await db.idempotentRequest.delete({ where: { key } }).catch(() => undefined);
      throw err;
    }
  }
  // A repeat: the first answer, once there is one.
  const started = Date.now();
  for (;;) {
    const first = await db.idempotentRequest.findUnique({ where: { key } });
    if (!first) return runOnce(db, actor, request, run, codec);
    if (first.userId !== actor.id || first.operation !== operation)
      throw new AppError("CONFLICT", "idempotencyKeyReused");
    if (first.response !== null) return codec.deserialize(first.response);
    if (Date.now() - first.createdAt.getTime() > LOST_MS) {
      await db.$executeRaw`DELETE FROM "IdempotentRequest" WHERE key = ${key}::uuid AND response IS NULL`;
      continue;
    }
    if (Date.now() - started > WAIT_MS) throw new AppError("CONFLICT", "requestInProgress");
    await new Promise((r) => setTimeout(r, 100));
  }
}
