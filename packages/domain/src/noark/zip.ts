/**
 * A Noark package as a zip, streamed: yazl writes one entry at a time, and each document's bytes are read from the
 * database only when its entry is written, so memory holds one document, not the package. Used by the web's download
 * (the zip goes to the response as it is made) and by tests.
 */
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";

interface Files {
  files: { path: string; size: number; load: () => Promise<Buffer> }[];
}

/** The package's zip as a stream; every file under `folder/`. Errors of a document's read end the stream. */
export function noarkZipStream(pkg: Files, folder: string): Readable {
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  for (const f of pkg.files) {
    // A stream that reads its file only when yazl asks for it (yazl takes entries in order, one at a time).
    const lazy = Readable.from(
      (async function* () {
        yield await f.load();
      })(),
      { objectMode: false },
    );
    zip.addReadStream(lazy, `${folder}/${f.path}`, {
      mtime,
      size: f.size,
      compress: !f.path.endsWith(".pdf"),
    });
  }
  zip.end();
  return zip.outputStream as unknown as Readable;
}

/** Writes the package's zip to `out` (a file, or a response). */
export async function writeNoarkZip(pkg: Files, folder: string, out: Writable): Promise<void> {
  await pipeline(noarkZipStream(pkg, folder), out);
}
