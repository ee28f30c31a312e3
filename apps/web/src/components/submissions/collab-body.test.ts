import { getSchema, Node } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fragmentBody } from "./collab-body";

// The composer's nodes, as far as their JSON goes (the real ones draw React chips in the editor).
const Fact = Node.create({
  name: "fact",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes: () => ({ key: { default: null } }),
});
const Footnote = Node.create({
  name: "footnote",
  group: "inline",
  inline: true,
  atom: true,
  addAttributes: () => ({ text: { default: "" }, url: { default: null } }),
});
const PositionList = Node.create({
  name: "positionList",
  group: "block",
  atom: true,
  addAttributes: () => ({ positionIds: { default: [] } }),
});
const schema = getSchema([
  StarterKit.configure({ link: { openOnClick: false, autolink: false, protocols: ["mailto"] } }),
  Fact,
  Footnote,
  PositionList,
]);

const bodies = {
  empty: { type: "doc", content: [{ type: "paragraph" }] },
  plain: {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "NITO støtter forslaget." }] }],
  },
  rich: {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Vi " },
          { type: "text", marks: [{ type: "bold" }], text: "mener" },
          { type: "text", text: " at " },
          { type: "text", marks: [{ type: "bold" }, { type: "italic" }], text: "alle" },
          { type: "text", text: " bør lese " },
          {
            type: "text",
            marks: [
              { type: "link", attrs: { href: "https://nito.no", target: "_blank", rel: null, class: null } },
            ],
            text: "dette",
          },
          { type: "fact", attrs: { key: "medlemmer" } },
          { type: "footnote", attrs: { text: "Kilde", url: "https://ssb.no" } },
        ],
      },
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Én" }] }] },
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "To" }] }] },
        ],
      },
      { type: "positionList", attrs: { positionIds: ["a", "b"] } },
      { type: "paragraph" },
    ],
  },
};

describe("fragmentBody", () => {
  for (const [name, body] of Object.entries(bodies))
    it(`reads a co-written text as y-tiptap does, key for key: ${name}`, () => {
      const doc = new Y.Doc();
      const fragment = doc.getXmlFragment("section:x");
      prosemirrorJSONToYXmlFragment(schema, body, fragment);
      const ours = fragmentBody(fragment);
      expect(JSON.stringify(ours)).toBe(JSON.stringify(yXmlFragmentToProsemirrorJSON(fragment)));
      expect(JSON.stringify(ours)).toContain(name === "empty" ? "paragraph" : "text");
    });

  it("reads a text edited after it was seeded, with marks added and removed", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("section:x");
    prosemirrorJSONToYXmlFragment(schema, bodies.plain, fragment);
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, "Ja: ", { bold: {} });
    text.format(4, 4, { italic: {} });
    text.delete(text.length - 1, 1);
    const ours = fragmentBody(fragment);
    expect(JSON.stringify(ours)).toBe(JSON.stringify(yXmlFragmentToProsemirrorJSON(fragment)));
    expect(JSON.stringify(ours)).toContain('{"type":"text","text":"Ja: ","marks":[{"type":"bold"}]}');
    expect(JSON.stringify(ours)).toContain('"marks":[{"type":"italic"}]');
  });
});
