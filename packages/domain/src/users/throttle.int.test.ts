/**
 * Login throttling and server sessions against a real database: each gap found when the throttle was attacked
 * (issue 29) has its test here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { DEMO_PASSWORD } from "@innspill/demo";
import { createDemoDatabase, signDemoLetter, withSession } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { AppError } from "../common/errors";
import { getApprovalView } from "../submissions/approval-view";
import { getSubmission } from "../submissions/submissions";
import { reauthenticate } from "../submissions/signing";
import { authenticateUser, changeOwnPassword, createUser, getActiveActor } from "./accounts";
import { endSession } from "./sessions";
import { LOGIN_THROTTLE, LoginRateCap } from "./throttle";

let t: TestDatabase;
let a: Record<string, Actor>;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
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

/** A cap that never refuses, for tests about the database's buckets. */
const noCap = () => new LoginRateCap(10_000, 10_000);

const failuresOf = async (userId: string) =>
  t.db.loginAttempt.count({ where: { bucket: `user:${userId}`, success: false } });

describe("login throttling", () => {
  it("checks only 5 of 40 parallel wrong passwords: the slot is taken before the hash", async () => {
    const user = await t.db.user.findFirstOrThrow({ where: { email: "ingrid@nito.test" } });
    const rateCap = noCap();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        codeOf(authenticateUser(t.db, { email: user.email, password: `gjetning-${i}` }, { rateCap })),
      ),
    );
    expect(answers.filter((x) => x === "UNAUTHORIZED")).toHaveLength(LOGIN_THROTTLE.perUser);
    expect(answers.filter((x) => x === "TOO_MANY_REQUESTS")).toHaveLength(40 - LOGIN_THROTTLE.perUser);
    expect(await failuresOf(user.id)).toBe(LOGIN_THROTTLE.perUser);
    // No slot is left open.
    expect(await t.db.loginAttempt.count({ where: { success: null } })).toBe(0);
  });

  it("counts per user: a user with the same e-mail in another organisation does not reset the real one's count", async () => {
    const real = await t.db.user.findFirstOrThrow({ where: { email: "martin@nito.test" } });
    // Another organisation's admin makes a user with Martin's address and a password of their own.
    const org = await t.db.organisation.create({ data: { slug: "skygge", name: "Skygge", shortName: "S" } });
    const otherAdmin = await t.db.user.create({
      data: { organisationId: org.id, name: "A", email: "a@skygge.test", role: "ADMIN", passwordHash: "x" },
    });
    const asOther: Actor = { id: otherAdmin.id, organisationId: org.id, role: "ADMIN", name: "A" };
    await createUser(
      t.db,
      { name: "Skygge", email: real.email, role: "ADVISER", password: "skyggens-passord-1" },
      asOther,
    );
    const rateCap = noCap();
    const login = (password: string, seconds: number) =>
      codeOf(
        authenticateUser(
          t.db,
          { email: real.email, password },
          { rateCap, now: new Date(Date.now() + seconds * 1000) },
        ),
      );
    // 24 guesses at Martin, each followed by a successful login as the shadow user.
    const guesses: string[] = [];
    for (let i = 0; i < 24; i++) {
      guesses.push(await login(`gjetning-${i}`, i));
      await login("skyggens-passord-1", i);
    }
    // The shadow's logins were themselves tried against Martin's hash and counted as his failures: few guesses were
    // checked, and none after the count was full.
    expect(guesses.filter((x) => x === "UNAUTHORIZED").length).toBeLessThanOrEqual(LOGIN_THROTTLE.perUser);
    expect(guesses.slice(-10).every((x) => x === "TOO_MANY_REQUESTS")).toBe(true);
    expect(await failuresOf(real.id)).toBeLessThanOrEqual(LOGIN_THROTTLE.perUser + 2);
  });

  it("caps failed logins per process when the client's address is unknown: 200 e-mails, 30 checked", async () => {
    const rateCap = new LoginRateCap(30, 1);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        codeOf(authenticateUser(t.db, { email: `spray${i}@nito.test`, password: "feil" }, { rateCap })),
      ),
    );
    expect(answers.filter((x) => x === "UNAUTHORIZED")).toHaveLength(30);
    expect(answers.filter((x) => x === "TOO_MANY_REQUESTS")).toHaveLength(170);
    // A trusted address has its own bucket instead, and a success gives its token back.
    expect(
      await codeOf(
        authenticateUser(
          t.db,
          { email: "admin@nito.test", password: DEMO_PASSWORD },
          { ip: "198.51.100.7", rateCap },
        ),
      ),
    ).toBe("OK");
  });
});

describe("re-authentication and password change", () => {
  it("are throttled on the session's own failures: a stolen session cannot guess the password by changing it", async () => {
    const me = await withSession(t.db, a.admin!);
    const change = (current: string) =>
      changeOwnPassword(t.db, { current, password: "et-helt-nytt-passord-9" }, me);
    for (let i = 0; i < LOGIN_THROTTLE.perSession; i++)
      expect(await codeOf(change(`gjetning-${i}`))).toBe("BAD_REQUEST");
    // The sixth, even the right password, waits; re-authentication shares the count.
    await expect(change(DEMO_PASSWORD)).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      fieldErrors: { current: ["tooManyAttempts"] },
    });
    expect(await codeOf(reauthenticate(t.db, { password: DEMO_PASSWORD }, me))).toBe("TOO_MANY_REQUESTS");
    // The user's other session is not affected.
    expect(
      await codeOf(reauthenticate(t.db, { password: DEMO_PASSWORD }, await withSession(t.db, a.admin!))),
    ).toBe("OK");
  });

  it("lets a leader re-authenticate and sign while a stranger fails logins for her e-mail", async () => {
    const attack = () =>
      Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          codeOf(
            authenticateUser(t.db, { email: "kaja@nito.test", password: `gjett-${i}` }, { rateCap: noCap() }),
          ),
        ),
      );
    // The stranger has filled her bucket: a login with her password now waits.
    expect((await attack()).filter((x) => x === "UNAUTHORIZED")).toHaveLength(LOGIN_THROTTLE.perUser);
    expect(
      await codeOf(
        authenticateUser(t.db, { email: "kaja@nito.test", password: DEMO_PASSWORD }, { rateCap: noCap() }),
      ),
    ).toBe("TOO_MANY_REQUESTS");
    // Her session re-authenticates and signs all the same (Heidi too), while the attack goes on.
    const [, { id }] = await Promise.all([attack(), signDemoLetter(t.db, a)]);
    expect((await getSubmission(t.db, { id }, a.kaja!)).status).toBe("SIGNED");
  });
});

describe("sessions", () => {
  it("refuses a session after logout and after its absolute lifetime", async () => {
    const user = await authenticateUser(
      t.db,
      { email: "heidi@nito.test", password: DEMO_PASSWORD },
      { rateCap: noCap() },
    );
    const session = { version: user.sessionVersion, id: user.sessionId };
    expect(await getActiveActor(t.db, user.id, session)).toMatchObject({ sessionId: user.sessionId });
    await endSession(t.db, user.sessionId);
    expect(await getActiveActor(t.db, user.id, session)).toBeNull();
    // A token without a session, or with another user's, is no session.
    expect(await getActiveActor(t.db, user.id, { version: user.sessionVersion, id: null })).toBeNull();
    const other = await withSession(t.db, a.ingrid!);
    expect(
      await getActiveActor(t.db, user.id, { version: user.sessionVersion, id: other.sessionId! }),
    ).toBeNull();
    // Twelve hours after the login it has ended, however recently the cookie was renewed.
    const old = await authenticateUser(
      t.db,
      { email: "heidi@nito.test", password: DEMO_PASSWORD },
      { rateCap: noCap(), now: new Date(Date.now() - 12 * 3_600_000 - 1000) },
    );
    expect(
      await getActiveActor(t.db, user.id, { version: old.sessionVersion, id: old.sessionId }),
    ).toBeNull();
  });

  it("keeps a re-authentication to the session that made it", async () => {
    const s = await t.db.submission.findFirstOrThrow({ where: { status: "SIGNED" } });
    // Heidi re-authenticates on her phone; her laptop's session has not.
    const phone = await withSession(t.db, a.heidi!);
    const laptop = await withSession(t.db, a.heidi!);
    await reauthenticate(t.db, { password: DEMO_PASSWORD }, phone);
    expect((await getApprovalView(t.db, { id: s.id }, phone)).reauthFresh).toBe(true);
    expect((await getApprovalView(t.db, { id: s.id }, laptop)).reauthFresh).toBe(false);
  });
});

describe("the owner's own browser", () => {
  it("logs her in while a stranger fills her bucket; a stolen device cookie gets five tries like anyone", async () => {
    const heidi = "heidi@nito.test";
    const before = await authenticateUser(
      t.db,
      { email: heidi, password: DEMO_PASSWORD },
      { rateCap: noCap() },
    );
    const device = { id: before.deviceId, userId: before.id };
    const attack = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        codeOf(authenticateUser(t.db, { email: heidi, password: `gjett-${i}` }, { rateCap: noCap() })),
      ),
    );
    expect(attack.filter((x) => x === "UNAUTHORIZED")).toHaveLength(LOGIN_THROTTLE.perUser);
    expect(
      await codeOf(authenticateUser(t.db, { email: heidi, password: DEMO_PASSWORD }, { rateCap: noCap() })),
    ).toBe("TOO_MANY_REQUESTS");
    // From her own browser, at once, and even with the process's cap used up.
    const spent = new LoginRateCap(1, 1);
    spent.take();
    const again = await authenticateUser(
      t.db,
      { email: heidi, password: DEMO_PASSWORD },
      { device, rateCap: spent },
    );
    expect(again.deviceId).toBe(device.id);
    // The device's own bucket: five wrong guesses with it, then it waits too.
    for (let i = 0; i < LOGIN_THROTTLE.perUser; i++)
      expect(await codeOf(authenticateUser(t.db, { email: heidi, password: `tyv-${i}` }, { device }))).toBe(
        "UNAUTHORIZED",
      );
    expect(await codeOf(authenticateUser(t.db, { email: heidi, password: DEMO_PASSWORD }, { device }))).toBe(
      "TOO_MANY_REQUESTS",
    );
    // A device cookie for another user changes nothing for Heidi.
    const ingrid = await t.db.user.findFirstOrThrow({ where: { email: "ingrid@nito.test" } });
    expect(
      await codeOf(
        authenticateUser(
          t.db,
          { email: heidi, password: DEMO_PASSWORD },
          { device: { id: device.id, userId: ingrid.id }, rateCap: noCap() },
        ),
      ),
    ).toBe("TOO_MANY_REQUESTS");
  });
});
