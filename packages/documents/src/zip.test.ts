import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { zipPackage } from "./zip";

describe("zipPackage", () => {
  it("packs text, bytes and a view into part of a buffer, in order, every entry dated the day given", async () => {
    const whole = new Uint8Array([9, 9, 1, 2, 3, 9]);
    const zip = zipPackage(
      [
        ["[Content_Types].xml", '<?xml version="1.0"?><Types>æøå</Types>'],
        ["word/media/logo.png", new Uint8Array([137, 80, 78, 71])],
        ["word/view.bin", whole.subarray(2, 5)],
        ["docProps/app.xml", new TextEncoder().encode("<Properties/>").buffer],
      ],
      "2025-11-20",
    );
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual([
      "[Content_Types].xml",
      "word/media/logo.png",
      "word/view.bin",
      "docProps/app.xml",
    ]);
    expect(await read.file("[Content_Types].xml")!.async("string")).toBe(
      '<?xml version="1.0"?><Types>æøå</Types>',
    );
    expect([...(await read.file("word/media/logo.png")!.async("uint8array"))]).toEqual([137, 80, 78, 71]);
    expect([...(await read.file("word/view.bin")!.async("uint8array"))]).toEqual([1, 2, 3]);
    expect(await read.file("docProps/app.xml")!.async("string")).toBe("<Properties/>");
    expect(new Set(Object.values(read.files).map((f) => f.date.toISOString()))).toEqual(
      new Set(["2025-11-20T12:00:00.000Z"]),
    );
    // The same parts and day, the same bytes.
    expect(
      zipPackage([["a.xml", "<a/>"]], "2025-11-20").equals(zipPackage([["a.xml", "<a/>"]], "2025-11-20")),
    ).toBe(true);
  });
});
