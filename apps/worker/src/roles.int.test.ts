/**
 * The app connects as a role that owns no table: it reads and writes rows, runs jobs, but cannot switch off the
 * triggers that keep signatures, approvals, audit events, stored files and library versions as they were written.
 */
import { randomBytes } from "node:crypto";
import pgDriver from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "@innspill/log";
import { createDb, type Db } from "@innspill/db";
import { ensureLoginRole, grantAppRole } from "@innspill/db/roles";
import type { TestDatabase } from "@innspill/db/testing";
import { createHearing, type Actor } from "@innspill/domain";
import { renderSignedDocument } from "@innspill/domain/worker";
import { createDemoDatabase, signDemoLetter } from "@innspill/demo/testing";
import { markOverdueHearingsJob, migrateQueues, queueName } from "@innspill/jobs";
import { startWorker } from "./worker";

let t: TestDatabase;
let a: Record<string, Actor>;
let app: pgDriver.Client;
let appUrl: string;
let appDb: Db;
const role = `app_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  const { id, snapshotSha256 } = await signDemoLetter(t.db, a);
  await renderSignedDocument(
    t.db,
    { submissionId: id, snapshotSha256 },
    { publicUrl: "http://localhost:3000" },
  );
  // As the migration step does it, connected as the tables' owner.
  await migrateQueues(t.url);
  const password = randomBytes(18).toString("base64url");
  await ensureLoginRole(t.url, role, password);
  await grantAppRole(t.url, role);
  const url = new URL(t.url);
  url.username = role;
  url.password = password;
  appUrl = url.toString();
  app = new pgDriver.Client({ connectionString: appUrl });
  await app.connect();
  appDb = createDb(appUrl);
});
afterAll(async () => {
  await app?.end();
  await appDb?.$disconnect();
  await t?.close();
});

async function errorOf(sql: string): Promise<{ code?: string; message: string } | null> {
  try {
    await app.query(sql);
    return null;
  } catch (err) {
    return err as { code?: string; message: string };
  }
}

const PROTECTED = [
  "AuditEvent",
  "SignedDocument",
  "StoredFile",
  "SubmissionSignature",
  "SubmissionApproval",
  "PositionVersion",
  "TextBlockVersion",
];

describe("the app's database role", () => {
  it("cannot disable, drop or replace the triggers that make signed records immutable", async () => {
    for (const table of PROTECTED) {
      const disable = await errorOf(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`);
      expect(disable?.message, table).toMatch(/must be owner/);
      expect(disable?.code).toBe("42501");
    }
    const drop = await errorOf(`DROP TRIGGER "SignedDocument_immutable" ON "SignedDocument"`);
    expect(drop?.message).toMatch(/must be owner/);
    const replace = await errorOf(
      `CREATE OR REPLACE FUNCTION innspill_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    );
    expect(replace?.message).toMatch(/must be owner|permission denied/);
    // Nor sidestep them for the session (needs superuser), nor create tables of its own.
    expect((await errorOf(`SET session_replication_role = replica`))?.message).toMatch(/permission denied/);
    expect((await errorOf(`CREATE TABLE sneaky (id int)`))?.message).toMatch(/permission denied/);
  });

  it("cannot change or delete what was signed, approved, stored or audited", async () => {
    const sets: Record<string, string> = {
      AuditEvent: `action = 'forged'`,
      SignedDocument: `"pdfSha256" = repeat('0', 64)`,
      StoredFile: `"sha256" = repeat('0', 64)`,
      SubmissionSignature: `"createdAt" = now() - interval '1 year'`,
      SubmissionApproval: `"snapshotSha256" = repeat('0', 64)`,
      PositionVersion: `statement = 'Forfalsket'`,
      TextBlockVersion: `heading = 'Forfalsket'`,
    };
    for (const table of PROTECTED) {
      const count = await app.query(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(count.rows[0].n, `${table} has rows to try on`).toBeGreaterThan(0);
      const update = await errorOf(`UPDATE "${table}" SET ${sets[table]}`);
      expect(update?.message, `UPDATE ${table}`).toMatch(
        /immutable|only be voided|append-only|refused|cannot/i,
      );
      const remove = await errorOf(`DELETE FROM "${table}"`);
      expect(remove, `DELETE ${table}`).not.toBeNull();
    }
    // Nothing was changed by the attempts.
    expect(await t.db.auditEvent.count({ where: { action: "forged" } })).toBe(0);
  });

  it("reads and writes the app's rows, reads but does not rewrite the migration history", async () => {
    const bodyId = (await appDb.issuingBody.findFirstOrThrow()).id;
    const h = await createHearing(
      appDb,
      {
        title: "Høring skrevet med appens rolle",
        issuingBodyId: bodyId,
        kind: "HORING",
        deadline: "2027-06-30",
        responsibleId: a.ingrid!.id,
        participantIds: [],
      },
      a.ingrid!,
    );
    expect(await t.db.hearing.count({ where: { id: h.id } })).toBe(1);
    expect(
      (await app.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows[0].n,
    ).toBeGreaterThan(0);
    expect((await errorOf(`DELETE FROM "_prisma_migrations"`))?.message).toMatch(/permission denied/);
  });

  it("runs the worker's jobs through the queue the migration step made", async () => {
    const worker = await startWorker({
      db: appDb,
      databaseUrl: appUrl,
      port: 0,
      schedules: true,
      pollingIntervalSeconds: 0.5,
      logger: silentLogger,
    });
    try {
      const queue = queueName(markOverdueHearingsJob);
      const id = await worker.boss.send(queue, { now: "2027-07-02T12:00:00Z" });
      let state = "";
      for (let i = 0; i < 60 && state !== "completed" && state !== "failed"; i++) {
        await new Promise((r) => setTimeout(r, 250));
        state = (await worker.boss.getJobById(queue, id!, { includeArchive: true }))?.state ?? "";
      }
      expect(state).toBe("completed");
    } finally {
      await worker.stop();
    }
  });

  it("refuses to hand the app a role that owns tables or is a superuser", async () => {
    await expect(grantAppRole(t.url, "postgres")).rejects.toThrow(/eier tabeller eller er superbruker/);
  });
});
