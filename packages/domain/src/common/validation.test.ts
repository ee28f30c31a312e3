import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "./validation";

describe("input normalisation", () => {
  const schema = z.object({ title: z.string().max(20), body: z.array(z.string()) });

  it("turns Word's vertical tab into a line break, drops control characters and mends lone surrogates", () => {
    const out = parseInput(schema, {
      title: "Linje\u000bto\u0000\u0007\u001b\u007f\u0085",
      body: ["a\ud800b", "\ufffe\uffffc\td\r\n"],
    });
    expect(out).toEqual({ title: "Linje\nto", body: ["a\ufffdb", "c\td\r\n"] });
  });

  it("refuses input nested deeper than any letter is, with a clear error and not a stack overflow", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => parseInput(schema, { title: "t", body: deep })).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST", fieldErrors: { _form: ["tooDeep"] } }),
    );
  });
});
