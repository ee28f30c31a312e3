import { describe, expect, it } from "vitest";
import type { BlockBody } from "@innspill/domain/shared";
import { removeWording, replaceWording } from "./replace-wording";

const body = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [{ type: "text", text: "Først dette. Kommunene bør ansette flere ingeniører. Sist." }],
    },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "Et punkt." }] }],
        },
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "Sykehusene skal ikke ha det." }] }],
        },
      ],
    },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Fet", marks: [{ type: "bold" }] },
        { type: "text", text: " og vanlig." },
      ],
    },
  ],
} as unknown as BlockBody;

describe("replaceWording", () => {
  it("replaces the sentence in its paragraph, keeping the rest", () => {
    const out = replaceWording(body, 0, null, "Kommunene bør ansette flere ingeniører.", "Nytt standpunkt.");
    expect(JSON.stringify(out!.content[0])).toContain("Først dette. Nytt standpunkt. Sist.");
    expect(out!.content[1]).toBe(body.content[1]);
  });

  it("replaces in a bullet", () => {
    const out = replaceWording(body, 1, 1, "Sykehusene skal ikke ha det.", "Sykehusene skal ha det.");
    expect(JSON.stringify(out)).toContain("Sykehusene skal ha det.");
    expect(JSON.stringify(out)).toContain("Et punkt.");
  });

  it("gives no fix where the words are not in one plain run, or not there at all", () => {
    expect(replaceWording(body, 2, null, "Fet og vanlig.", "x")).toBeNull();
    expect(replaceWording(body, 0, null, "Noe annet.", "x")).toBeNull();
    expect(replaceWording(body, 9, null, "Først dette.", "x")).toBeNull();
  });
});

describe("removeWording", () => {
  it("strikes a sentence in the middle, at the start or the end, leaving one space between the rest", () => {
    const text = (b: BlockBody | null) => JSON.stringify(b!.content[0]);
    expect(text(removeWording(body, 0, null, "Kommunene bør ansette flere ingeniører."))).toContain(
      '"Først dette. Sist."',
    );
    expect(text(removeWording(body, 0, null, "Først dette."))).toContain(
      '"Kommunene bør ansette flere ingeniører. Sist."',
    );
    expect(text(removeWording(body, 0, null, "Sist."))).toContain(
      '"Først dette. Kommunene bør ansette flere ingeniører."',
    );
  });

  it("leaves no empty text node when a bullet's only sentence goes", () => {
    const out = removeWording(body, 1, 1, "Sykehusene skal ikke ha det.");
    expect(JSON.stringify(out)).not.toContain("Sykehusene");
    expect(JSON.stringify(out)).not.toContain('"text":""');
    expect(JSON.stringify(out)).toContain("Et punkt.");
    expect(removeWording(body, 0, null, "Noe annet.")).toBeNull();
  });
});
