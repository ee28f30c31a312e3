import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeAnswer } from "./transformer";

/** What the browser gets: the answer through JSON and superjson's own reader. */
const overTheWire = (value: unknown) =>
  superjson.deserialize(JSON.parse(JSON.stringify(serializeAnswer(value))) as never);

describe("serializeAnswer", () => {
  it("writes superjson's format for plain JSON and dates, read back the same", () => {
    const page = {
      items: [
        {
          id: "a",
          deadline: "2026-01-01",
          overdueSince: new Date("2026-01-02T10:00:00Z"),
          tags: ["x"],
          n: 0,
        },
        {
          id: "b",
          deadline: "2026-01-03",
          overdueSince: null,
          extra: undefined,
          nested: { at: new Date(0) },
        },
      ],
      "key.with\\dots": { when: new Date(5) },
      total: 2,
      ok: true,
    };
    const out = serializeAnswer(page);
    // superjson's own paths, less the property it marks undefined (left out here).
    const theirs = Object.entries(superjson.serialize(page).meta!.values as Record<string, string[]>);
    expect(theirs).toContainEqual(["items.1.extra", ["undefined"]]);
    expect(out.meta!.values).toEqual(Object.fromEntries(theirs.filter(([path]) => path !== "items.1.extra")));
    expect(Object.keys(out.meta!.values!).sort()).toEqual(
      ["items.0.overdueSince", "items.1.nested.at", "key\\.with\\\\dots.when"].sort(),
    );
    const back = overTheWire(page) as typeof page;
    expect(back).toEqual(page);
    expect(back.items[0]!.overdueSince).toBeInstanceOf(Date);
    expect(back["key.with\\dots"].when).toEqual(new Date(5));
    // The same as superjson's own answer, once read.
    expect(back).toEqual(superjson.parse(superjson.stringify(page)));
  });

  it("has no meta when there is nothing but JSON", () => {
    expect(serializeAnswer({ a: [1, "b", null, { c: false }] })).toEqual({
      json: { a: [1, "b", null, { c: false }] },
    });
  });

  it.each([
    ["a BigInt", { n: 10n }],
    ["a Map", { m: new Map([["a", 1]]) }],
    ["a Set", { s: new Set([1]) }],
    ["NaN", { n: Number.NaN }],
    ["-0", { n: -0 }],
    ["undefined in an array", { a: [1, undefined] }],
    ["a date alone", new Date(1)],
    ["an invalid date", { d: new Date("nope") }],
    ["a class instance", { e: new URL("https://example.org") }],
  ])("hands %s to superjson, which the browser reads the same", (_name, value) => {
    expect(serializeAnswer(value)).toEqual(superjson.serialize(value));
  });

  it("hands a cyclic value to superjson instead of overflowing", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    expect(serializeAnswer(a)).toEqual(superjson.serialize(a));
  });
});
