import superjson, { type SuperJSONResult } from "superjson";
import { idempotencyKeyOf, runOnce, type Actor } from "@innspill/domain";
import type { Context } from "./trpc";

/**
 * A create procedure made idempotent: with an `idempotencyKey` in its input (the form makes one), a repeat of the
 * request gets the first answer instead of a second row (`runOnce` in the domain). Without a key it just runs.
 */
export function once<T>(
  ctx: Context & { actor: Actor },
  operation: string,
  input: unknown,
  run: () => Promise<T>,
): Promise<T> {
  const key = idempotencyKeyOf(input);
  if (!key) return run();
  return runOnce(ctx.db, ctx.actor, { key, operation }, run, {
    serialize: (value) => superjson.serialize(value),
    deserialize: (stored) => superjson.deserialize<T>(stored as SuperJSONResult),
  });
}
