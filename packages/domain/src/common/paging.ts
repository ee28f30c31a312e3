import { z } from "zod";
import { fields } from "./validation";

/** How many rows a list returns when the caller does not say, and the most it may ask for. */
export const pageLimit = (fallback: number) =>
  z.int({ error: "invalid" }).min(1).max(100, { error: "invalid" }).default(fallback);

/** The cursor of a list sorted by last change, newest first: the last row of the page before. */
export const updatedCursor = () =>
  z.object({ updatedAt: z.iso.datetime({ error: "invalid" }), id: fields.id() }).nullish();

/**
 * The rows after the cursor in `updatedAt desc, id desc` order. `lte` as well gives the index scan its start (Prisma
 * has no row comparison).
 */
export function afterUpdated(cursor: z.output<ReturnType<typeof updatedCursor>>) {
  if (!cursor) return null;
  const at = new Date(cursor.updatedAt);
  return {
    updatedAt: { lte: at },
    OR: [{ updatedAt: { lt: at } }, { updatedAt: at, id: { lt: cursor.id } }],
  };
}

/** One page of rows read with `take: limit + 1`, and the cursor of the next page when there is one. */
export function updatedPage<T extends { id: string; updatedAt: Date }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { updatedAt: last.updatedAt.toISOString(), id: last.id } : null,
  };
}
