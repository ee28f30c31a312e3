import superjson, { type SuperJSONResult } from "superjson";

/**
 * superjson's wire format, made faster for what the API answers: plain JSON and dates.
 *
 * superjson walks every value with a path for each node; for a register page of 50 hearings that was 0.2 ms, about
 * an eighth of the production server's CPU per request (ARCHITECTURE.md, «Where the time goes»). Here one walk looks
 * for the dates only and records their paths as superjson does, leaving the value itself to `JSON.stringify` (a
 * date's `toJSON` is the ISO string superjson writes). Anything else superjson would mark (undefined in an array, a
 * BigInt, a Map or Set, NaN, -0, an instance of a class, nesting deeper than 64) hands the whole value to superjson,
 * so the browser's `superjson.deserialize` reads either answer the same. An object met twice is written twice (superjson
 * would restore it as one object; nothing the browser does depends on that).
 */
const MAX_DEPTH = 64;

class NotPlain extends Error {}

export function serializeAnswer(value: unknown): SuperJSONResult {
  const dates: Record<string, ["Date"]> = {};
  const path: (string | number)[] = [];
  let found = false;

  const walk = (v: unknown, depth: number): void => {
    if (v === null) return;
    switch (typeof v) {
      case "string":
      case "boolean":
        return;
      case "number":
        if (!Number.isFinite(v) || Object.is(v, -0)) throw new NotPlain();
        return;
      case "object":
        break;
      default:
        // undefined as an object's property is left out, which the browser reads the same; anything else (a BigInt,
        // a function, undefined in an array or alone) superjson decides.
        if (v === undefined && typeof path.at(-1) === "string") return;
        throw new NotPlain();
    }
    if (depth > MAX_DEPTH) throw new NotPlain();
    if (v instanceof Date) {
      if (path.length === 0 || Number.isNaN(v.getTime())) throw new NotPlain();
      dates[path.map((k) => String(k).replace(/\\/g, "\\\\").replace(/\./g, "\\.")).join(".")] = ["Date"];
      found = true;
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (v[i] === undefined) throw new NotPlain();
        path.push(i);
        walk(v[i], depth + 1);
        path.pop();
      }
      return;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new NotPlain();
    for (const key in v) {
      path.push(key);
      walk((v as Record<string, unknown>)[key], depth + 1);
      path.pop();
    }
  };

  try {
    walk(value, 0);
  } catch (err) {
    if (err instanceof NotPlain) return superjson.serialize(value);
    throw err;
  }
  // JSON.stringify writes a date as its ISO string, which is what superjson's json holds.
  return (found ? { json: value, meta: { values: dates, v: 1 } } : { json: value }) as SuperJSONResult;
}

/** tRPC's transformer: answers through `serializeAnswer`, inputs read by superjson. */
export const transformer = {
  serialize: serializeAnswer,
  deserialize: (value: SuperJSONResult) => superjson.deserialize(value),
};
