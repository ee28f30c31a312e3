/**
 * Arkivverket's official Noark 5 v5.0 schemas and the ADDML template, read from `./schemas` (see its README). They are
 * files, not strings in code, so that they stay byte for byte what Arkivverket published.
 */
import { readFileSync } from "node:fs";

export const SCHEMA_FILES = [
  "arkivstruktur.xsd",
  "metadatakatalog.xsd",
  "endringslogg.xsd",
  "loependeJournal.xsd",
  "offentligJournal.xsd",
  "addml.xsd",
] as const;
export type SchemaFile = (typeof SCHEMA_FILES)[number];

/**
 * Each file is read by a literal `readFileSync(new URL("./schemas/…", import.meta.url))`: the form bundlers (Next's
 * Turbopack) follow and copy as an asset. A computed path would make the bundler trace the whole project.
 */
const FILES = {
  "arkivstruktur.xsd": () => readFileSync(new URL("./schemas/arkivstruktur.xsd", import.meta.url)),
  "metadatakatalog.xsd": () => readFileSync(new URL("./schemas/metadatakatalog.xsd", import.meta.url)),
  "endringslogg.xsd": () => readFileSync(new URL("./schemas/endringslogg.xsd", import.meta.url)),
  "loependeJournal.xsd": () => readFileSync(new URL("./schemas/loependeJournal.xsd", import.meta.url)),
  "offentligJournal.xsd": () => readFileSync(new URL("./schemas/offentligJournal.xsd", import.meta.url)),
  "addml.xsd": () => readFileSync(new URL("./schemas/addml.xsd", import.meta.url)),
  "arkivuttrekk_v5_0.xml": () => readFileSync(new URL("./schemas/arkivuttrekk_v5_0.xml", import.meta.url)),
  SHA256SUMS: () => readFileSync(new URL("./schemas/SHA256SUMS", import.meta.url)),
};

const cache = new Map<string, Buffer>();

function read(name: keyof typeof FILES): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = FILES[name]();
    cache.set(name, bytes);
  }
  return bytes;
}

/** The official schema file, unchanged. */
export const officialSchema = (name: SchemaFile): Buffer => read(name);

/** Arkivverket's template for `arkivuttrekk.xml` (Noark 5 v5.0). */
export const addmlTemplate = (): string => read("arkivuttrekk_v5_0.xml").toString("utf8");

/** `SHA256SUMS` as published with the files: name → hex digest. */
export function publishedChecksums(): Map<string, string> {
  const lines = read("SHA256SUMS").toString("utf8").trim().split("\n");
  return new Map(lines.map((l) => l.trim().split(/\s+/)).map(([sum, file]) => [file!, sum!]));
}
