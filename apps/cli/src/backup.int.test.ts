/**
 * Backup and restore as an operator runs them: `innspill backup` of a database filled through the domain, `innspill
 * restore` into an empty one, and every row, stored file and signed document back as it was.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@innspill/db/backup";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";
import { addHearingDocument, type Actor } from "@innspill/domain";
import { createDemoDatabase, sendDemoLetter } from "@innspill/demo/testing";

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, "../bin/innspill.mjs");
const tmp = mkdtempSync(path.join(tmpdir(), "innspill-backup-"));
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

let source: TestDatabase;
let target: TestDatabase;
let a: Record<string, Actor>;
let signedPdf: Buffer;

function innspill(url: string, ...args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args, "--json"], {
    env: { DATABASE_URL: url, PATH: "/usr/bin:/bin" },
    encoding: "utf8",
    timeout: 120_000,
  });
  const line = res.stdout.trim().split("\n").at(-1) ?? "";
  return {
    code: res.status ?? -1,
    json: (line.startsWith("{") ? JSON.parse(line) : null) as {
      ok: boolean;
      result?: Record<string, unknown>;
      error?: { message: string };
    },
    stderr: res.stderr,
  };
}

/** Rows per table of the app's schema. */
async function rowCounts(t: TestDatabase) {
  const tables = await t.db.$queryRaw<{ name: string }[]>`
    SELECT relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`;
  const out: Record<string, number> = {};
  for (const { name } of tables)
    out[name] = Number(
      (await t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`))[0]!.n,
    );
  return out;
}

/** Every stored file and signed document by its hash, with the hash of the bytes actually stored. */
async function files(t: TestDatabase) {
  const stored = await t.db.storedFile.findMany({ orderBy: { sha256: "asc" } });
  const attachments = await t.db.hearingDocument.findMany({ orderBy: { id: "asc" } });
  const signed = await t.db.signedDocument.findMany({ orderBy: { id: "asc" } });
  return {
    stored: stored.map((f) => [f.sha256, sha(f.content)]),
    attachments: attachments.map((d) => [d.sha256, sha(d.content)]),
    signed: signed.map((d) => [d.pdfSha256, d.letterPdfSha256, d.auditPdfSha256]),
  };
}

beforeAll(async () => {
  ({ t: source, actors: a } = await createDemoDatabase({ content: true }));
  const { hearingId } = await sendDemoLetter(source.db, a, "2026-11-30", {
    // Attached while the case is open: a sent case takes no new documents.
    beforeSending: async ({ hearingId }) => {
      // A stored attachment with every byte value, and text with what COPY must escape.
      await addHearingDocument(
        source.db,
        {
          hearingId,
          filename: "vedlegg.pdf",
          bytes: Buffer.concat([
            Buffer.from("%PDF-1.7\n"),
            Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
          ]),
        },
        a.ingrid!,
      );
    },
  });
  await source.db.hearing.update({
    where: { id: hearingId },
    data: { summary: "Linje 1\nLinje 2\r\n\tTab \\ backslash «æøå» 😀" },
  });
  const doc = await source.db.signedDocument.findFirstOrThrow();
  signedPdf = Buffer.from(
    (await source.db.storedFile.findUniqueOrThrow({ where: { sha256: doc.pdfSha256 } })).content,
  );
  target = await createTestDatabase();
}, 120_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe("innspill backup and restore", () => {
  const file = path.join(tmp, "innspill.backup.gz");

  it("backs up, and restores into an empty database only with --yes and only once", async () => {
    const backup = innspill(source.url, "backup", "--out", file);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.json.ok).toBe(true);

    const unconfirmed = innspill(target.url, "restore", file);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.json.error!.message).toMatch(/--yes/);
    expect(await target.db.user.count()).toBe(0);

    const restored = innspill(target.url, "restore", file, "--yes");
    expect(restored.code, restored.stderr).toBe(0);

    // A second restore would mix two installations: refused, nothing changed.
    const again = innspill(target.url, "restore", file, "--yes");
    expect(again.code).toBe(1);
    expect(again.json.error!.message).toMatch(/ikke tom/);
  });

  it("gives back every row of every table, and every stored file and signed document byte for byte", async () => {
    const before = await rowCounts(source);
    expect(before.AuditEvent).toBeGreaterThan(10);
    expect(before.SignedDocument).toBe(1);
    expect(await rowCounts(target)).toEqual(before);
    const [was, is] = [await files(source), await files(target)];
    expect(is).toEqual(was);
    for (const [hash, actual] of [...is.stored, ...is.attachments]) expect(actual).toBe(hash);
    const h = await target.db.hearing.findFirstOrThrow({ where: { summary: { contains: "Linje 1" } } });
    expect(h.summary).toBe("Linje 1\nLinje 2\r\n\tTab \\ backslash «æøå» 😀");
  });

  it("keeps counting where it was, and the restored database still verifies the signed PDF", async () => {
    // A new audit event after the restore gets the next number, not one already used.
    const max = await target.db.auditEvent.aggregate({ _max: { id: true } });
    const next = await target.db.auditEvent.create({
      data: {
        organisationId: a.ingrid!.organisationId,
        action: "test.afterRestore",
        entity: "Test",
        entityId: "x",
      },
    });
    expect(next.id).toBeGreaterThan(max._max.id!);

    const pdf = path.join(tmp, "signert.pdf");
    writeFileSync(pdf, signedPdf);
    const verified = innspill(target.url, "verify", pdf);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.json.result).toMatchObject({ status: "signed", valid: true });
  });

  it("refuses a file that is not a backup, with a clear message", () => {
    const junk = path.join(tmp, "junk.gz");
    writeFileSync(junk, readFileSync(BIN));
    const res = innspill(target.url, "restore", junk, "--yes");
    expect(res.code).toBe(1);
    expect(res.json.error!.message).toMatch(/ikke|tom/);
  });

  it("tells a truncated backup, a foreign file and one from a newer version apart, and restores none of them", async () => {
    const whole = readFileSync(file);
    const fresh = await createTestDatabase();
    try {
      const refused = (name: string, bytes: Buffer) => {
        const f = path.join(tmp, name);
        writeFileSync(f, bytes);
        const res = innspill(fresh.url, "restore", f, "--yes");
        expect(res.code, res.stderr).toBe(1);
        return res.json.error!.message;
      };
      // Cut off part-way, as an interrupted copy leaves it.
      const truncated = refused("avkortet.gz", whole.subarray(0, Math.floor(whole.length / 2)));
      expect(truncated).toMatch(/er avkortet/);
      expect(truncated).not.toMatch(/gzip/);
      // Complete gzip, but the rows of the last tables missing.
      const lines = gunzipSync(whole).toString("utf8").split("\n");
      const short = refused("kort.gz", gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n")));
      expect(short).toMatch(/er avkortet: den slutter i tabellen/);
      // Not gzip at all, and gzip of something else.
      expect(refused("fremmed.gz", Buffer.from("%PDF-1.7\n"))).toMatch(
        /ikke en sikkerhetskopi fra Innspill \(den er ikke gzip/,
      );
      expect(refused("fremmed-gzip.gz", gzipSync("hei\n"))).toMatch(
        /ikke en sikkerhetskopi fra Innspill: den er gzip-komprimert, men/,
      );
      // From a version of Innspill with a migration this one does not have, or a newer format.
      const header = JSON.parse(lines[0]!) as { migrations: string[]; version: number };
      const future = (h: object) => gzipSync([JSON.stringify(h), ...lines.slice(1)].join("\n"));
      expect(
        refused(
          "nyere.gz",
          future({ ...header, migrations: [...header.migrations, "29991231000000_future"] }),
        ),
      ).toMatch(/laget av en nyere versjon av Innspill \(den har migreringen 29991231000000_future/);
      expect(refused("nyere-format.gz", future({ ...header, version: 2 }))).toMatch(
        /laget av en nyere versjon av Innspill \(format 2/,
      );
      expect(await fresh.db.user.count()).toBe(0);
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it("refuses to back up a database without an organisation unless asked to", async () => {
    const empty = await createTestDatabase();
    try {
      const out = path.join(tmp, "tom.backup.gz");
      const res = innspill(empty.url, "backup", "--out", out);
      expect(res.code).toBe(1);
      expect(res.json.error!.message).toMatch(/ingen organisasjon.*--allow-empty/);
      expect(existsSync(out)).toBe(false);
      const allowed = innspill(empty.url, "backup", "--out", out, "--allow-empty");
      expect(allowed.code, allowed.stderr).toBe(0);
      expect(existsSync(out)).toBe(true);
    } finally {
      await empty.close();
    }
  }, 120_000);

  it("is one consistent moment while the app keeps writing", async () => {
    const during = path.join(tmp, "during.backup.gz");
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        // A hearing change and its audit event, in one transaction, as the app writes them.
        await source.db.$transaction(async (tx) => {
          const h = await tx.hearing.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
          await tx.hearing.update({ where: { id: h.id }, data: { version: { increment: 1 } } });
          await tx.auditEvent.create({
            data: {
              organisationId: h.organisationId,
              action: "hearing.updated",
              entity: "Hearing",
              entityId: h.id,
            },
          });
        });
        written++;
      }
    })();
    const summary = await backupDatabase(source.url, during);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    const fresh = await createTestDatabase();
    try {
      await restoreDatabase(fresh.url, during);
      // Every hearing version bump has its audit event: nothing half-way.
      const h = await fresh.db.hearing.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
      const events = await fresh.db.auditEvent.count({
        where: { action: "hearing.updated", entityId: h.id },
      });
      const original = await source.db.hearing.findFirstOrThrow({ where: { id: h.id } });
      expect(h.version - (original.version - written)).toBe(events);
      expect(summary.tables.find((t) => t.table === "AuditEvent")!.rows).toBe(
        await fresh.db.auditEvent.count(),
      );
    } finally {
      await fresh.close();
    }
  });
});
