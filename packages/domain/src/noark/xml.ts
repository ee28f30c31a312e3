/** XML helpers for the Noark 5 export: text XML 1.0 can carry, stable UUIDs, and elements that skip empty values. */
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { sha256 } from "../common/hash";

export type Node = XMLBuilder;
export const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF; lone
 * surrogates) are dropped. Word's vertical tab (U+000B, a manual line break) becomes a line feed.
 */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/\u000B/g, "\n")
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u0000-\u0008\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
  );
}

/** A UUID (the form Noark's systemID requires) derived from a seed, so the same thing gets the same id every time. */
export function uuidFrom(seed: string): string {
  const h = sha256(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A new document with `root` in namespace `ns`, and the xsi namespace declared. */
export function document(ns: string, root: string): Node {
  return create({ version: "1.0", encoding: "UTF-8" })
    .ele(ns, root)
    .att("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
}

/**
 * Adds `<name>value</name>` under `parent`; nothing for null, undefined or an empty string (Noark 5, 6.4.5: elements
 * without a value are left out).
 */
export function el(parent: Node, name: string, value: string | number | null | undefined): void {
  if (value === null || value === undefined) return;
  const text = xmlText(String(value)).trim();
  if (text !== "") parent.ele(name).txt(text);
}

/** Serialises with a final line feed, as UTF-8 bytes. */
export function toBytes(root: Node): Buffer {
  return Buffer.from(`${root.end({ prettyPrint: true })}\n`, "utf8");
}
