/**
 * E-mail against a real SMTP server (the smtp-server package) started here: STARTTLS with a certificate made for the
 * test, and a login. Plus servers that drop the connection, never answer, and refuse: the e-mail stays in the
 * outbox with the reason and is sent later, once.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { generate } from "selfsigned";
import type { TestDatabase } from "@innspill/db/testing";
import {
  createHearing,
  getSubmission,
  requestApproval,
  sendForReview,
  inlineJobs,
  type Actor,
} from "@innspill/domain";
import { deliverPendingEmails, sendDueReminders } from "@innspill/domain/worker";
import { createDemoDatabase } from "@innspill/demo/testing";
import { createSmtpMailer } from "./mailer";

const PUBLIC_URL = "https://innspill.nito.no";
const USER = "innspill";
const PASSWORD = "relay-passord-æøå";

interface Received {
  mail: ParsedMail;
  secure: boolean;
  user: unknown;
  rcptTo: string[];
}

let t: TestDatabase;
let a: Record<string, Actor>;
let pems: { private: string; cert: string };
const received: Received[] = [];
const servers: { close(cb: () => void): void }[] = [];

function listen(server: Server | SMTPServer): Promise<number> {
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = (server as Server).address?.() ?? (server as SMTPServer).server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    }),
  );
}

/** A relay as an organisation runs one: STARTTLS, then a login; nothing accepted before both. */
async function startRelay(options: { refuse?: string } = {}) {
  const server = new SMTPServer({
    key: pems.private,
    cert: pems.cert,
    secure: false,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, session, cb) {
      if (!session.secure) return cb(new Error("STARTTLS først"));
      if (auth.username !== USER || auth.password !== PASSWORD)
        return cb(new Error("Feil brukernavn eller passord"));
      cb(null, { user: USER });
    },
    onMailFrom(_address, session, cb) {
      cb(session.user ? null : Object.assign(new Error("Logg inn først"), { responseCode: 530 }));
    },
    onData(stream, session, cb) {
      if (options.refuse) {
        stream.resume();
        stream.on("end", () => cb(Object.assign(new Error(options.refuse), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push({
            mail,
            secure: session.secure,
            user: session.user,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
          });
          cb();
        })
        .catch(cb);
    },
  });
  return listen(server);
}

/** A TCP server that misbehaves at once: closes every connection, or never says a word. */
async function startBroken(kind: "drop" | "silent") {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    if (kind === "drop") socket.destroy();
    else sockets.push(socket);
  });
  const close = server.close.bind(server);
  server.close = ((cb?: () => void) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  }) as typeof server.close;
  return listen(server);
}

/** Short timeouts only where a server never answers; the others are generous (TLS on a busy machine). */
const QUICK = { connection: 2_000, greeting: 1_000, socket: 2_000 };
const PATIENT = { connection: 20_000, greeting: 20_000, socket: 20_000 };

const mailer = (port: number, timeouts = PATIENT) =>
  createSmtpMailer({
    url: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@localhost:${port}`,
    from: "Innspill <innspill@nito.no>",
    requireTls: true,
    ca: pems.cert,
    timeouts,
  });

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  // The relay's certificate, trusted by the mailer as an internal CA would be (SMTP_CA_FILE).
  pems = await generate([{ name: "commonName", value: "localhost" }], {
    algorithm: "sha256",
    keySize: 2048,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] }],
  });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  await t?.close();
});

describe("e-mail through a real SMTP relay", () => {
  // Monday 10 May 2027, 09:00 in Oslo: milestones of a hearing due on Thursday are within the reminder window.
  const now = new Date("2027-05-10T07:00:00Z");
  const at = (minutes: number) => () => new Date(now.getTime() + minutes * 60_000);

  it("a reminder and a «til godkjenning» notice fail on broken servers, stay in the outbox with the reason, and arrive once over STARTTLS with a login", async () => {
    const relay = await startRelay();
    const drop = await startBroken("drop");
    const silent = await startBroken("silent");
    const refusing = await startRelay({ refuse: "Mottakers postkasse er midlertidig utilgjengelig" });

    // A reminder: a hearing whose milestones fall due this week.
    const bodyId = (await t.db.issuingBody.findFirstOrThrow()).id;
    await createHearing(
      t.db,
      {
        title: "Høring om fagskoleloven",
        issuingBodyId: bodyId,
        kind: "HORING",
        deadline: "2027-05-13",
        responsibleId: a.ingrid!.id,
        participantIds: [],
      },
      a.ingrid!,
    );
    await sendDueReminders(t.db, { now });
    // A «til godkjenning» notice to the leaders: the demo letter sent for approval.
    const s = await t.db.submission.findFirstOrThrow();
    const version = async () => (await getSubmission(t.db, { id: s.id }, a.ingrid!)).version;
    await sendForReview(t.db, { id: s.id, version: await version() }, a.ingrid!);
    await requestApproval(t.db, { id: s.id, version: await version() }, a.ingrid!, inlineJobs);

    const outbox = await t.db.outboxEmail.findMany({ where: { sentAt: null } });
    const reminder = outbox.find((e) => e.toEmail === "ingrid@nito.test" && /fagskoleloven/.test(e.subject));
    const approval = outbox.find((e) => e.subject.startsWith("[Innspill] Godkjenn «"));
    expect(reminder, "a reminder e-mail to Ingrid").toBeDefined();
    expect(approval, "an approval notice to a leader").toBeDefined();
    const pending = outbox.length;

    // 1. The server closes the connection: every e-mail stays, with the reason.
    expect(await deliverPendingEmails(t.db, mailer(drop), { publicUrl: PUBLIC_URL, now: at(0) })).toEqual({
      sent: 0,
      failed: pending,
    });
    let row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: approval!.id } });
    expect(row).toMatchObject({ sentAt: null, attempts: 1 });
    expect(row.lastError).toMatch(/closed|ECONNRESET|socket/i);

    // 2. Not again at once; after five minutes, a server that never greets: a timeout, recorded.
    expect(
      await deliverPendingEmails(t.db, mailer(silent, QUICK), { publicUrl: PUBLIC_URL, now: at(1) }),
    ).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(
      await deliverPendingEmails(t.db, mailer(silent, QUICK), { publicUrl: PUBLIC_URL, now: at(6) }),
    ).toEqual({
      sent: 0,
      failed: pending,
    });
    row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: approval!.id } });
    expect(row).toMatchObject({ sentAt: null, attempts: 2 });
    expect(row.lastError).toMatch(/greeting|timeout/i);

    // 3. Ten minutes later, a server that refuses the message: its own words are kept.
    expect(
      await deliverPendingEmails(t.db, mailer(refusing), { publicUrl: PUBLIC_URL, now: at(17) }),
    ).toEqual({
      sent: 0,
      failed: pending,
    });
    row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: approval!.id } });
    expect(row).toMatchObject({ sentAt: null, attempts: 3 });
    expect(row.lastError).toContain("Mottakers postkasse er midlertidig utilgjengelig");

    // 4. Twenty minutes later the relay works. Two workers deliver at the same time: each e-mail arrives once.
    const results = await Promise.all([
      deliverPendingEmails(t.db, mailer(relay), { publicUrl: PUBLIC_URL, now: at(38) }),
      deliverPendingEmails(t.db, mailer(relay), { publicUrl: PUBLIC_URL, now: at(38) }),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(pending);
    expect(await deliverPendingEmails(t.db, mailer(relay), { publicUrl: PUBLIC_URL, now: at(600) })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(received).toHaveLength(pending);
    const ids = received.map((r) => r.mail.messageId);
    expect(new Set(ids).size).toBe(pending);
    expect(await t.db.outboxEmail.count({ where: { sentAt: null } })).toBe(0);

    // Every message went over TLS, after a login.
    expect(received.every((r) => r.secure && r.user === USER)).toBe(true);

    const got = (id: string) => received.find((r) => r.mail.messageId === `<${id}@innspill.nito.no>`)!;
    const rem = got(reminder!.id);
    expect(rem.rcptTo).toEqual(["ingrid@nito.test"]);
    expect(rem.mail.to).toMatchObject({ value: [{ address: "ingrid@nito.test", name: reminder!.toName }] });
    expect(rem.mail.subject).toBe(reminder!.subject);
    expect(rem.mail.text).toContain(reminder!.text);
    expect(rem.mail.text).toContain("Slå dem av under Min profil: https://innspill.nito.no/profil");
    expect(rem.mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toContain(
      "<https://innspill.nito.no/profil>",
    );

    const app = got(approval!.id);
    const leader = await t.db.user.findUniqueOrThrow({ where: { id: approval!.userId! } });
    expect(["kaja@nito.test", "heidi@nito.test"]).toContain(leader.email);
    expect(app.rcptTo).toEqual([leader.email]);
    expect(app.mail.subject).toBe(`[Innspill] Godkjenn «${s.title}»`);
    // The notice links straight to the page where the leader approves.
    expect(app.mail.text).toContain(`Åpne i Innspill: https://innspill.nito.no/innspill/${s.id}/godkjenning`);
    expect(app.mail.from?.value).toEqual([{ name: "Innspill", address: "innspill@nito.no" }]);
  });

  it("refuses to send in clear text when TLS is required and the server offers none", async () => {
    const plain = new SMTPServer({ disabledCommands: ["STARTTLS", "AUTH"], logger: false });
    const port = await listen(plain);
    const send = createSmtpMailer({
      url: `smtp://localhost:${port}`,
      from: "Innspill <innspill@nito.no>",
      requireTls: true,
      timeouts: PATIENT,
    });
    await expect(
      send({
        to: "x@nito.test",
        toName: null,
        subject: "Hemmelig",
        text: "x",
        messageId: "<x@innspill.nito.no>",
        unsubscribeUrl: `${PUBLIC_URL}/profil`,
      }),
    ).rejects.toThrow(/STARTTLS/i);
  });
});
