import { describe, expect, it } from "vitest";
import { AppError } from "../common/errors";
import { parseInput } from "../common/validation";
import { blockBody, bodyFactKeys, bodyPositionIds, bodyToPlainText, MAX_BODY_BYTES } from "./body";
import { formatFactValue, isFactStale, resolveFactValue } from "./facts";

const pid = "6c1b3a52-6a0b-4d4e-9a2e-1f1d2c3b4a59";
const good = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "NITO har over " },
        { type: "fact", attrs: { key: "org.memberCount" } },
        { type: "text", text: " medlemmer", marks: [{ type: "bold" }] },
        { type: "footnote", attrs: { text: "Medlemsregisteret 2025", url: "https://www.nito.no" } },
        {
          type: "text",
          text: " – les mer",
          marks: [{ type: "link", attrs: { href: "https://www.nito.no", target: "_blank" } }],
        },
      ],
    },
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Et punkt" }] }] },
      ],
    },
    { type: "positionList", attrs: { positionIds: [pid] } },
  ],
};

function errorsOf(body: unknown) {
  try {
    parseInput(blockBody, body);
    return null;
  } catch (err) {
    if (err instanceof AppError) return Object.values(err.fieldErrors ?? {}).flat();
    throw err;
  }
}

describe("block body", () => {
  it("accepts the allowed nodes and marks", () => {
    expect(errorsOf(good)).toBeNull();
    const body = parseInput(blockBody, good);
    expect(bodyPositionIds(body)).toEqual([pid]);
    expect(bodyFactKeys(body)).toEqual(["org.memberCount"]);
    expect(bodyToPlainText(body, new Map([[pid, "Det må satses på rekruttering."]]))).toBe(
      "NITO har over {{org.memberCount}} medlemmer [Medlemsregisteret 2025] – les mer\n\n• Et punkt\n\nNITO mener:\n• Det må satses på rekruttering.",
    );
  });

  it("rejects unknown node types", () => {
    expect(
      errorsOf({ type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [] }] }),
    ).toContain("bodyUnknownNode");
    expect(
      errorsOf({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "image", attrs: { src: "x" } }] }],
      }),
    ).toContain("bodyUnknownNode");
    const struck = errorsOf({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "strike" }] }] }],
    });
    expect(struck?.some((k) => k === "bodyUnknownMark" || k === "bodyUnknownNode")).toBe(true);
  });

  it("rejects scripts in links", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>",
      "vbscript:x",
    ]) {
      const body = {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }],
          },
        ],
      };
      expect(errorsOf(body), href).toContain("bodyUnsafeLink");
    }
    const footnote = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "footnote", attrs: { text: "x", url: "javascript:x" } }] },
      ],
    };
    expect(errorsOf(footnote)).toContain("bodyUnsafeLink");
  });

  it("rejects oversized bodies", () => {
    const para = { type: "paragraph", content: [{ type: "text", text: "x".repeat(19_000) }] };
    const big = {
      type: "doc",
      content: Array.from({ length: Math.ceil(MAX_BODY_BYTES / 19_000) + 1 }, () => para),
    };
    expect(errorsOf(big)).toContain("bodyTooLarge");
  });
});

describe("facts", () => {
  const values = [
    { validFrom: "2020-01-01", value: "91000" },
    { validFrom: "2025-01-01", value: "116000" },
  ];
  it("resolve by the letter's date, at the boundaries", () => {
    expect(resolveFactValue(values, "2019-12-31")).toBeNull();
    expect(resolveFactValue(values, "2020-01-01")?.value).toBe("91000");
    expect(resolveFactValue(values, "2024-12-31")?.value).toBe("91000");
    expect(resolveFactValue(values, "2025-01-01")?.value).toBe("116000");
  });
  it("are stale when the newest value is older than the allowed age", () => {
    expect(isFactStale(values, 365, "2026-01-01")).toBe(false);
    expect(isFactStale(values, 365, "2026-01-02")).toBe(true);
    expect(isFactStale([], 365, "2026-01-01")).toBe(true);
  });
  it("format the Norwegian way", () => {
    expect(formatFactValue("NUMBER", "116000")).toBe("116\u00a0000");
    expect(formatFactValue("PERCENT", "0.4")).toBe("40 %");
    expect(formatFactValue("TEXT", "NITO")).toBe("NITO");
  });
});
