import * as Y from "yjs";
import type { BlockBody } from "@innspill/domain/shared";

type Json = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Json[];
  content?: Json[];
};

// y-prosemirror may store a mark under its name with a hash suffix (`link--ab12cd34`), for marks that may overlap.
const markName = (attr: string) => /(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(attr)?.[1] ?? attr;

function node(item: Y.XmlElement | Y.XmlText | Y.XmlHook): Json | Json[] {
  if (item instanceof Y.XmlText)
    return (item.toDelta() as { insert: string; attributes?: Record<string, Record<string, unknown>> }[]).map(
      (d) => {
        const text: Json = { type: "text", text: d.insert };
        if (d.attributes)
          text.marks = Object.entries(d.attributes).map(([attr, attrs]) => {
            const mark: Json = { type: markName(attr) };
            if (attrs && Object.keys(attrs).length) mark.attrs = attrs;
            return mark;
          });
        return text;
      },
    );
  if (item instanceof Y.XmlElement) {
    const json: Json = { type: item.nodeName };
    const attrs = item.getAttributes();
    if (Object.keys(attrs).length) json.attrs = attrs;
    const children = item.toArray();
    if (children.length) json.content = children.flatMap(node);
    return json;
  }
  throw new Error("unexpected item in a co-written text");
}

/**
 * A section's text (ProseMirror JSON) from its field of the letter's Yjs document: what `@tiptap/y-tiptap`'s
 * `yXmlFragmentToProsemirrorJSON` returns, key for key (collab-body.test.ts compares them), without loading
 * ProseMirror, which the page needs only once a text is edited.
 */
export function fragmentBody(fragment: Y.XmlFragment): BlockBody {
  return { type: "doc", content: fragment.toArray().map(node) } as unknown as BlockBody;
}
