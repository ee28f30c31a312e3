import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "@innspill/demo";
import { deliverPendingEmails, listOutboxEmails, type OutgoingEmail } from "../notifications/email";
import { notify } from "../notifications/notifications";
import { AppError, toAppError } from "../common/errors";
import {
  authenticateUser,
  changeOwnPassword,
  createUser,
  listUsers,
  deactivateUser,
  getActiveActor,
  resetUserPassword,
} from "./accounts";
import { LOGIN_THROTTLE } from "./throttle";
import { markOverdueHearings } from "../hearings/maintenance";
import { dateOnlyToDb } from "../dates/dates";
import type { Actor } from "../access/actor";
import { createDemoDatabase, withSession } from "@innspill/demo/testing";
import { signInWithOidc } from "./oidc";
import { getSystemStatus } from "../system/status";
import { inlineJobs } from "../common/jobs";
import { createSubmission, previewSubmission } from "../submissions/submissions";
import { getEditableSettings, setLetterLogo, updateOrganisationSettings } from "../organisation/settings";
import { pngImage } from "@innspill/documents/testing";
import { renderPdf } from "@innspill/documents";
import { letterModel } from "../submissions/model";
import { buildSnapshot } from "../submissions/snapshot";
import { loadSubmission } from "../submissions/load";

let t: TestDatabase;
let orgId: string;
let admin: Actor;
let bodyId: string;

beforeAll(async () => {
  let actors: Record<string, Actor>;
  ({ t, actors } = await createDemoDatabase());
  admin = actors.admin!;
  orgId = admin.organisationId;
  bodyId = (await t.db.issuingBody.findFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

describe("seed", () => {
  it("is idempotent", async () => {
    const before = await t.db.hearing.count();
    const again = await seedDemoData(t.db);
    expect(again).toEqual({ created: false, organisationId: orgId });
    expect(await t.db.hearing.count()).toBe(before);
    expect(await t.db.user.count()).toBe(DEMO_USERS.length);
    const leaders = await t.db.user.findMany({ where: { role: "LEADER" } });
    expect(leaders).toHaveLength(2);
    expect(leaders.every((l) => l.title)).toBe(true);
  });
});

describe("login", () => {
  const base = new Date("2026-11-23T10:00:00Z");
  const at = (minutes: number) => ({ now: new Date(base.getTime() + minutes * 60_000) });

  it("accepts the demo password and refuses a wrong one", async () => {
    const user = await authenticateUser(t.db, { email: "INGRID@nito.test", password: DEMO_PASSWORD }, at(0));
    expect(user.email).toBe("ingrid@nito.test");
    expect(await codeOf(authenticateUser(t.db, { email: "ingrid@nito.test", password: "feil" }, at(0)))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("makes the 6th try for one user wait, growing, and a success starts the count again", async () => {
    const email = "martin@nito.test";
    const from = (ip: string, seconds: number) => ({ ip, now: new Date(base.getTime() + seconds * 1000) });
    for (let i = 0; i < LOGIN_THROTTLE.perUser; i++)
      expect(await codeOf(authenticateUser(t.db, { email, password: "feil" }, from("203.0.113.1", i)))).toBe(
        "UNAUTHORIZED",
      );
    // The 6th, even with the right password and from another address, waits 30 s after the last failure: the
    // count is the user's, wherever the guesses come from.
    const refused = await authenticateUser(
      t.db,
      { email, password: DEMO_PASSWORD },
      from("198.51.100.9", 5),
    ).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds: 29 } });
    // After the wait one more try; another failure doubles the wait (60 s).
    expect(await codeOf(authenticateUser(t.db, { email, password: "feil" }, from("203.0.113.1", 35)))).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await authenticateUser(t.db, { email, password: DEMO_PASSWORD }, from("203.0.113.1", 40)).catch(
        (e: AppError) => e.details,
      ),
    ).toEqual({ retryAfterSeconds: 55 });
    expect(
      await codeOf(authenticateUser(t.db, { email, password: DEMO_PASSWORD }, from("203.0.113.1", 96))),
    ).toBe("OK");
    // The success started the count again.
    expect(await codeOf(authenticateUser(t.db, { email, password: "feil" }, from("203.0.113.1", 97)))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("makes the 21st failure from one address wait, whichever accounts it tries", async () => {
    const from = (seconds: number, ip = "192.0.2.66") => ({
      ip,
      now: new Date(base.getTime() + 3_600_000 + seconds * 1000),
    });
    for (let i = 0; i < LOGIN_THROTTLE.perAddress; i++)
      expect(
        await codeOf(
          authenticateUser(t.db, { email: `ukjent${i % 4}@nito.test`, password: "feil" }, from(i)),
        ),
      ).toBe("UNAUTHORIZED");
    expect(
      await codeOf(authenticateUser(t.db, { email: "kaja@nito.test", password: DEMO_PASSWORD }, from(21))),
    ).toBe("TOO_MANY_REQUESTS");
    expect(
      await codeOf(
        authenticateUser(t.db, { email: "kaja@nito.test", password: DEMO_PASSWORD }, from(21, "192.0.2.67")),
      ),
    ).toBe("OK");
  });

  it("ends every session of a user whose password is reset or changed, or who is deactivated", async () => {
    const user = await authenticateUser(t.db, { email: "ingrid@nito.test", password: DEMO_PASSWORD });
    const v = user.sessionVersion;
    const session = (version: number) => ({ version, id: user.sessionId });
    expect(await getActiveActor(t.db, user.id, session(v))).not.toBeNull();
    await resetUserPassword(t.db, { userId: user.id, password: "et-nytt-passord-1" }, admin);
    expect(await getActiveActor(t.db, user.id, session(v))).toBeNull();
    expect(await getActiveActor(t.db, user.id, session(v + 1))).not.toBeNull();
    const actor = (await getActiveActor(t.db, user.id, session(v + 1)))!;
    await changeOwnPassword(t.db, { current: "et-nytt-passord-1", password: DEMO_PASSWORD }, actor);
    expect(await getActiveActor(t.db, user.id, session(v + 1))).toBeNull();
    expect(await getActiveActor(t.db, user.id, session(v + 2))).not.toBeNull();
  });

  it("refuses a deactivated user", async () => {
    const heidi = await t.db.user.findFirstOrThrow({ where: { email: "heidi@nito.test" } });
    await deactivateUser(t.db, { userId: heidi.id }, admin);
    expect(
      await codeOf(authenticateUser(t.db, { email: heidi.email, password: DEMO_PASSWORD }, at(30))),
    ).toBe("UNAUTHORIZED");
  });
});

describe("audit", () => {
  it("is append-only in the database itself", async () => {
    const count = await t.db.auditEvent.count();
    expect(count).toBeGreaterThan(0);
    await expect(t.db.auditEvent.updateMany({ data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(t.db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await t.db.auditEvent.count()).toBe(count);
  });
});

describe("markOverdueHearings", () => {
  it("marks a hearing overdue from 00:00 Oslo time the day after its deadline, not before", async () => {
    const h = await t.db.hearing.create({
      data: {
        organisationId: orgId,
        title: "Frist ved midnatt",
        issuingBodyId: bodyId,
        kind: "HORING",
        status: "UNDER_ARBEID",
        deadline: dateOnlyToDb("2027-01-14"),
      },
    });
    const declined = await t.db.hearing.create({
      data: {
        organisationId: orgId,
        title: "Avslått",
        issuingBodyId: bodyId,
        kind: "HORING",
        status: "SVARER_IKKE",
        deadline: dateOnlyToDb("2027-01-14"),
      },
    });
    // 23:59:59 in Oslo on the deadline (UTC+1 in January) is 22:59:59Z: still on time.
    let res = await markOverdueHearings(t.db, { now: new Date("2027-01-14T22:59:59Z") });
    expect(res.marked).not.toContain(h.id);
    // 00:00 in Oslo the next day is 23:00Z on the deadline date: overdue, although UTC is still on the 14th.
    res = await markOverdueHearings(t.db, { now: new Date("2027-01-14T23:00:00Z") });
    expect(res.today).toBe("2027-01-15");
    expect(res.marked).toContain(h.id);
    expect(res.marked).not.toContain(declined.id);
    const row = await t.db.hearing.findUniqueOrThrow({ where: { id: h.id } });
    expect(row.overdueSince).toEqual(new Date("2027-01-14T23:00:00Z"));
    // Marked once only.
    res = await markOverdueHearings(t.db, { now: new Date("2027-01-15T08:00:00Z") });
    expect(res.marked).not.toContain(h.id);
    const events = await t.db.auditEvent.findMany({
      where: { entityId: h.id, action: "hearing.markedOverdue" },
    });
    expect(events).toHaveLength(1);
  });

  it("uses summer time (UTC+2) in summer", async () => {
    const h = await t.db.hearing.create({
      data: {
        organisationId: orgId,
        title: "Sommerfrist",
        issuingBodyId: bodyId,
        kind: "INNSPILL",
        status: "REGISTRERT",
        deadline: dateOnlyToDb("2027-06-30"),
      },
    });
    expect((await markOverdueHearings(t.db, { now: new Date("2027-06-30T21:59:59Z") })).marked).not.toContain(
      h.id,
    );
    expect((await markOverdueHearings(t.db, { now: new Date("2027-06-30T22:00:00Z") })).marked).toContain(
      h.id,
    );
  });
});

describe("e-mail outbox", () => {
  const publicUrl = "https://innspill.nito.no";
  const later = (min: number) => () => new Date(Date.now() + min * 60_000);

  it("delivers each pending e-mail once, records failures and retries them with growing delays", async () => {
    const to = { organisationId: orgId, userId: admin.id };
    await t.db.outboxEmail.createMany({
      data: [
        { ...to, toEmail: "a@nito.test", subject: "Første", text: "1", path: "/innspill/x/godkjenning" },
        { ...to, toEmail: "b@nito.test", subject: "Andre", text: "2" },
      ],
    });
    const delivered: OutgoingEmail[] = [];
    let failB = true;
    const send = async (mail: OutgoingEmail) => {
      if (mail.to === "b@nito.test" && failB) throw new Error("SMTP 451: prøv igjen senere");
      delivered.push(mail);
    };
    expect(await deliverPendingEmails(t.db, send, { publicUrl })).toEqual({ sent: 1, failed: 1 });
    const b = await t.db.outboxEmail.findFirstOrThrow({ where: { toEmail: "b@nito.test" } });
    expect(b).toMatchObject({ sentAt: null, attempts: 1, lastError: "SMTP 451: prøv igjen senere" });
    failB = false;
    // Not again at once: the next try waits five minutes.
    expect(await deliverPendingEmails(t.db, send, { publicUrl })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverPendingEmails(t.db, send, { publicUrl, now: later(6) })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(await deliverPendingEmails(t.db, send, { publicUrl, now: later(60) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(delivered.map((m) => m.subject)).toEqual(["Første", "Andre"]);
    const [first] = delivered;
    expect(first!.text).toContain(`Åpne i Innspill: ${publicUrl}/innspill/x/godkjenning`);
    expect(first!.text).toContain(`${publicUrl}/profil`);
    expect(first!.unsubscribeUrl).toBe(`${publicUrl}/profil`);
    const a = await t.db.outboxEmail.findFirstOrThrow({ where: { toEmail: "a@nito.test" } });
    expect(first!.messageId).toBe(`<${a.id}@innspill.nito.no>`);
  });

  it("an e-mail whose worker died during the SMTP call is sent again later with the same Message-ID", async () => {
    const row = await t.db.outboxEmail.create({
      data: { organisationId: orgId, userId: admin.id, toEmail: "c@nito.test", subject: "Tredje", text: "3" },
    });
    // As a worker killed during the SMTP call leaves it: marked as sending, not sent, the try not counted.
    await t.db.outboxEmail.update({ where: { id: row.id }, data: { sendingAt: new Date() } });
    const ids: string[] = [];
    const send = async (mail: OutgoingEmail) => void ids.push(mail.messageId);
    expect(await deliverPendingEmails(t.db, send, { publicUrl, now: later(1) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await deliverPendingEmails(t.db, send, { publicUrl, now: later(6) })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(ids).toEqual([`<${row.id}@innspill.nito.no>`]);
  });
});

describe("organisations", () => {
  it("an admin reads only their own organisation's outgoing e-mail", async () => {
    // A second, real organisation with an admin and an adviser of its own.
    const other = await t.db.organisation.create({
      data: { slug: "annen", name: "Annen forening", shortName: "AF" },
    });
    const mk = (email: string, role: "ADMIN" | "ADVISER") =>
      t.db.user.create({
        data: { organisationId: other.id, name: email, email, role, passwordHash: "x", emailReminders: true },
      });
    const otherAdmin = await mk("admin@annen.test", "ADMIN");
    const otherAdviser = await mk("radgiver@annen.test", "ADVISER");
    const nitoAdviser = await t.db.user.findFirstOrThrow({ where: { email: "ingrid@nito.test" } });
    await t.db.$transaction(async (tx) => {
      await notify(tx, {
        userIds: [otherAdviser.id],
        kind: "test",
        title: "Til annen",
        body: "x",
        email: true,
      });
      await notify(tx, {
        userIds: [nitoAdviser.id],
        kind: "test",
        title: "Til NITO",
        body: "x",
        email: true,
      });
    });
    const asOther: Actor = { id: otherAdmin.id, organisationId: other.id, role: "ADMIN", name: "A" };
    const theirs = await listOutboxEmails(t.db, asOther);
    const ours = await listOutboxEmails(t.db, admin);
    expect(theirs.map((m) => m.subject)).toEqual(["[Innspill] Til annen"]);
    expect(ours.map((m) => m.subject)).toContain("[Innspill] Til NITO");
    expect(ours.map((m) => m.subject)).not.toContain("[Innspill] Til annen");
  });

  it("Systemstatus shows an admin the failed jobs of their own organisation's letters only", async () => {
    const other = await t.db.organisation.create({
      data: { slug: "fjerde", name: "Fjerde", shortName: "F" },
    });
    const otherAdmin = await t.db.user.create({
      data: {
        organisationId: other.id,
        name: "A",
        email: "admin@fjerde.test",
        role: "ADMIN",
        passwordHash: "x",
      },
    });
    const asOther: Actor = { id: otherAdmin.id, organisationId: other.id, role: "ADMIN", name: "A" };
    const hearing = await t.db.hearing.findFirstOrThrow({
      where: { organisationId: orgId, submissions: { none: {} } },
    });
    const letterId = (await createSubmission(t.db, { hearingId: hearing.id }, admin)).id;
    const failure = (id: string, data: unknown) => ({
      id,
      queue: "submission.render.v1",
      failedAt: new Date(),
      retryCount: 4,
      reason: "Typst: font missing",
      data,
    });
    const queue = {
      ...inlineJobs,
      async failedJobs() {
        return [
          failure("j1", { submissionId: letterId, snapshotSha256: "a".repeat(64) }),
          { ...failure("j2", { now: "2026-12-01T00:00:00Z" }), queue: "hearings.mark-overdue.v1" },
          failure("j3", { submissionId: "ikke-en-uuid" }),
        ];
      },
    };
    const nito = await getSystemStatus(t.db, admin, queue);
    const theirs = await getSystemStatus(t.db, asOther, queue);
    expect(nito.failedJobs.map((j) => j.id)).toEqual(["j1", "j2"]);
    expect(theirs.failedJobs.map((j) => j.id)).toEqual(["j2"]);
    // The workers and queue counts are the installation's: its first organisation's admin sees them, no other.
    expect(nito.installation).toBe(true);
    expect(theirs).toMatchObject({ installation: false, workers: [], queues: [] });
    // A scheduled job's data says nothing about anyone, and is not shown.
    expect(theirs.failedJobs[0]!.data).toBeNull();
  });

  it("e-mail addresses are unique per organisation: another organisation's users are neither revealed nor reachable", async () => {
    const other = await t.db.organisation.create({
      data: { slug: "tredje", name: "Tredje forening", shortName: "TF" },
    });
    const otherAdmin = await t.db.user.create({
      data: {
        organisationId: other.id,
        name: "Admin",
        email: "admin@tredje.test",
        role: "ADMIN",
        passwordHash: "x",
      },
    });
    const asOther: Actor = { id: otherAdmin.id, organisationId: other.id, role: "ADMIN", name: "Admin" };
    // Kaja is a NITO user; the other organisation adds a user of its own with her address, unaware of her.
    const mine = await createUser(
      t.db,
      { name: "Kaja i Tredje", email: "kaja@nito.test", role: "ADVISER", password: "et-annet-passord-1" },
      asOther,
    );
    expect(mine.email).toBe("kaja@nito.test");
    // In its own organisation the address is taken, with a message that says so for this organisation only.
    const again = await createUser(
      t.db,
      { name: "Kaja igjen", email: "kaja@nito.test", role: "ADVISER", password: "et-annet-passord-2" },
      asOther,
    ).catch((err: AppError) => err);
    expect(again).toMatchObject({ code: "CONFLICT", message: "emailTaken" });
    // Each password logs in to its own organisation's user.
    const nito = await authenticateUser(t.db, { email: "kaja@nito.test", password: DEMO_PASSWORD });
    const tredje = await authenticateUser(t.db, { email: "kaja@nito.test", password: "et-annet-passord-1" });
    expect(nito.organisationId).toBe(orgId);
    expect(tredje).toMatchObject({ id: mine.id, organisationId: other.id });
    expect(
      await codeOf(authenticateUser(t.db, { email: "kaja@nito.test", password: "feil-passord-123" })),
    ).toBe("UNAUTHORIZED");
    // The other organisation's admin lists only its own users.
    const listed = await listUsers(t.db, asOther);
    expect(listed.map((u) => u.id).sort()).toEqual([otherAdmin.id, mine.id].sort());
  });
});

describe("letter settings", () => {
  it("a contact footer set by an admin is in every letter's snapshot; letters are as before without one", async () => {
    const hearing = await t.db.hearing.findFirstOrThrow({
      where: { organisationId: orgId, submissions: { none: {} } },
    });
    const { id } = await createSubmission(t.db, { hearingId: hearing.id }, admin);
    const before = await previewSubmission(t.db, { id }, admin);
    const settings = await getEditableSettings(t.db, admin);
    const { version: _v, ...rest } = settings;
    // Four lines is one too many, and the error says so at the field.
    const tooMany = await updateOrganisationSettings(
      t.db,
      { ...rest, version: settings.version, letterFooter: "a\nb\nc\nd" },
      admin,
    ).catch((err: AppError) => err);
    expect(tooMany).toMatchObject({ code: "BAD_REQUEST" });
    await updateOrganisationSettings(
      t.db,
      { ...rest, version: settings.version, letterFooter: "Lakkegata 3, 0187 Oslo\npost@nito.no" },
      admin,
    );
    const withFooter = await previewSubmission(t.db, { id }, admin);
    expect(withFooter.html).toContain(
      '<footer class="contact">Lakkegata 3, 0187 Oslo<br>post@nito.no</footer>',
    );
    expect(withFooter.snapshotSha256).not.toBe(before.snapshotSha256);
    // Cleared: the same snapshot as before the footer, byte for byte (approvals of such letters are untouched).
    const now = await getEditableSettings(t.db, admin);
    await updateOrganisationSettings(t.db, { ...rest, version: now.version, letterFooter: "" }, admin);
    expect((await previewSubmission(t.db, { id }, admin)).snapshotSha256).toBe(before.snapshotSha256);
  });
});

describe("stored settings", () => {
  it("a stored object with one broken and one unknown key keeps the logo, footer and lead time, also through a save", async () => {
    const logo = { sha256: "b".repeat(64), mediaType: "image/png", width: 10, height: 10 };
    await t.db.organisation.update({
      where: { id: orgId },
      data: {
        settings: {
          milestoneOffsets: { UTKAST: 1, GJENNOMGANG: 2 },
          reminderWorkingDays: 4,
          letterFooter: "Postboks 9100 Grønland",
          letterLogo: logo,
          fromANewerVersion: { on: true },
        },
      },
    });
    const read = await getEditableSettings(t.db, admin);
    expect(read).toMatchObject({
      reminderWorkingDays: 4,
      letterFooter: "Postboks 9100 Grønland",
      letterLogo: logo,
    });
    expect(read.milestoneOffsets).toEqual({ UTKAST: 10, GJENNOMGANG: 7, GODKJENNING: 3, SIGNERING: 1 });
    // A save stores the repaired settings and leaves the key it does not know as it was.
    const { version, letterLogo: _l, ...rest } = read;
    await updateOrganisationSettings(t.db, { ...rest, version, reminderWorkingDays: 6 }, admin);
    const org = await t.db.organisation.findUniqueOrThrow({ where: { id: orgId } });
    expect(org.settings).toMatchObject({
      reminderWorkingDays: 6,
      letterFooter: "Postboks 9100 Grønland",
      letterLogo: logo,
      milestoneOffsets: { UTKAST: 10, GJENNOMGANG: 7, GODKJENNING: 3, SIGNERING: 1 },
      fromANewerVersion: { on: true },
    });
    // Back as the other tests expect.
    const now = await getEditableSettings(t.db, admin);
    await updateOrganisationSettings(
      t.db,
      {
        version: now.version,
        milestoneOffsets: now.milestoneOffsets,
        reminderWorkingDays: 2,
        letterFooter: "",
      },
      admin,
    );
    await setLetterLogo(t.db, { version: now.version + 1, image: null }, admin);
  });
});

describe("letter logo", () => {
  it("an admin uploads a PNG logo: kept by later settings saves, in the letterhead of the preview and the PDF", async () => {
    const png = pngImage(300, 75);
    let settings = await getEditableSettings(t.db, admin);
    const refused = async (image: string) =>
      setLetterLogo(t.db, { version: settings.version, image }, admin).catch((err: AppError) => err.message);
    expect(await refused(Buffer.from("ikke et bilde").toString("base64"))).toBe("logoNotImage");
    expect(await refused(Buffer.alloc(600 * 1024).toString("base64"))).toBe("invalid");
    const saved = await setLetterLogo(
      t.db,
      { version: settings.version, image: png.toString("base64") },
      admin,
    );
    expect(saved.letterLogo).toMatchObject({ mediaType: "image/png", width: 300, height: 75 });
    expect(await t.db.storedFile.count({ where: { sha256: saved.letterLogo!.sha256 } })).toBe(1);
    // A later save of the other settings keeps it.
    settings = await getEditableSettings(t.db, admin);
    const { version: _v, letterLogo: _l, ...rest } = settings;
    await updateOrganisationSettings(
      t.db,
      { ...rest, version: settings.version, reminderWorkingDays: 3 },
      admin,
    );
    settings = await getEditableSettings(t.db, admin);
    expect(settings.letterLogo?.sha256).toBe(saved.letterLogo!.sha256);
    // In a letter: the snapshot names it by hash, the preview shows it, the PDF has it.
    const hearing = await t.db.hearing.findFirstOrThrow({
      where: { organisationId: orgId, submissions: { none: {} } },
    });
    const { id } = await createSubmission(t.db, { hearingId: hearing.id }, admin);
    const preview = await previewSubmission(t.db, { id }, admin);
    expect(preview.html).toContain(`src="data:image/png;base64,${png.toString("base64")}"`);
    const s = await loadSubmission(t.db, id, admin);
    const { snapshot } = await buildSnapshot(t.db, s);
    expect(snapshot.letterhead.logo).toEqual(saved.letterLogo);
    const pdf = renderPdf(await letterModel(t.db, snapshot));
    expect(pdf.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);
    // Removed: letters have none again.
    await setLetterLogo(t.db, { version: settings.version, image: null }, admin);
    expect((await previewSubmission(t.db, { id }, admin)).html).not.toContain("<img");
  });
});

describe("single sign-on", () => {
  const issuer = "https://login.microsoftonline.com/tenant-a/v2.0";
  const now = new Date("2026-12-01T10:00:00Z");
  const at = (secondsAgo: number) => Math.floor(now.getTime() / 1000) - secondsAgo;

  const orgs = ["nito"];

  it("links a subject once by verified address, then knows the person by issuer and subject only", async () => {
    const email = "martin@nito.test";
    // An unverified address links nothing, nor one the provider says nothing about.
    expect(
      await codeOf(signInWithOidc(t.db, { issuer, subject: "m-1", email, emailVerified: false }, now, orgs)),
    ).toBe("UNAUTHORIZED");
    expect(await codeOf(signInWithOidc(t.db, { issuer, subject: "m-1", email }, now, orgs))).toBe(
      "UNAUTHORIZED",
    );
    // Nor a verified one, in an organisation that does not use this provider.
    expect(
      await codeOf(
        signInWithOidc(t.db, { issuer, subject: "m-1", email, emailVerified: true }, now, ["annen"]),
      ),
    ).toBe("UNAUTHORIZED");
    const first = await signInWithOidc(
      t.db,
      { issuer, subject: "m-1", email, emailVerified: true },
      now,
      orgs,
    );
    expect(first.email).toBe(email);
    // Known by the subject now, whatever the e-mail claim says (an address changed at the provider).
    const again = await signInWithOidc(t.db, { issuer, subject: "m-1", email: "nytt@nito.test" }, now);
    expect(again.id).toBe(first.id);
    // Another subject with the same address, or the same subject from another issuer, is somebody else.
    expect(await codeOf(signInWithOidc(t.db, { issuer, subject: "m-2", email }, now))).toBe("UNAUTHORIZED");
    expect(
      await codeOf(signInWithOidc(t.db, { issuer: "https://annen.example/", subject: "m-1", email }, now)),
    ).toBe("UNAUTHORIZED");
    // An ordinary login, however recent, is not a re-authentication; one the signing page asked for is, if fresh.
    // The re-authentication is the new session's.
    const reauthOf = async (p: Promise<{ sessionId: string }>) =>
      (await t.db.session.findUniqueOrThrow({ where: { id: (await p).sessionId } })).reauthenticatedAt;
    expect(await reauthOf(signInWithOidc(t.db, { issuer, subject: "m-1", authTime: at(5) }, now))).toBeNull();
    expect(
      await reauthOf(signInWithOidc(t.db, { issuer, subject: "m-1", authTime: at(600), reauth: true }, now)),
    ).toBeNull();
    expect(
      await reauthOf(signInWithOidc(t.db, { issuer, subject: "m-1", authTime: at(5), reauth: true }, now)),
    ).toEqual(new Date(at(5) * 1000));
    // Deactivated: refused, though linked.
    await t.db.user.update({ where: { id: first.id }, data: { active: false } });
    expect(await codeOf(signInWithOidc(t.db, { issuer, subject: "m-1" }, now))).toBe("FORBIDDEN");
    await t.db.user.update({ where: { id: first.id }, data: { active: true } });
  });
});

describe("unique constraints", () => {
  it("a unique violation from the database becomes a CONFLICT with a message, not a 500", async () => {
    const org = await t.db.organisation.findFirstOrThrow();
    const row = {
      organisationId: org.id,
      name: "Dobbeltdepartementet",
      shortName: "DD",
      type: "DEPARTEMENT" as const,
    };
    await t.db.issuingBody.create({ data: row });
    const caught = await t.db.issuingBody.create({ data: row }).catch((err: unknown) => err);
    const mapped = toAppError(caught);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code: "CONFLICT", message: "alreadyExists" });
    // Anything else passes through unchanged.
    const other = new Error("noe annet");
    expect(toAppError(other)).toBe(other);
  });
});

describe("own password", () => {
  it("changes with the current password, refuses a wrong one at its field, and the new one logs in", async () => {
    const martin = (await t.db.user.findFirstOrThrow({ where: { email: "martin@nito.test" } })).id;
    const me = await withSession(t.db, { id: martin, organisationId: orgId, role: "ADVISER", name: "M" });
    await expect(
      changeOwnPassword(t.db, { current: "feil-passord", password: "et-helt-nytt-passord" }, me),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { current: ["reauthFailed"] } });
    await expect(
      changeOwnPassword(t.db, { current: DEMO_PASSWORD, password: DEMO_PASSWORD }, me),
    ).rejects.toMatchObject({ fieldErrors: { password: expect.arrayContaining(["passwordUnchanged"]) } });
    await changeOwnPassword(t.db, { current: DEMO_PASSWORD, password: "et-helt-nytt-passord" }, me);
    await expect(
      authenticateUser(t.db, { email: "martin@nito.test", password: "et-helt-nytt-passord" }),
    ).resolves.toMatchObject({ id: martin });
    await expect(
      authenticateUser(t.db, { email: "martin@nito.test", password: DEMO_PASSWORD }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
