/**
 * Passkeys against real Postgres and real WebAuthn verification (@simplewebauthn/server): a software authenticator
 * makes the registration and assertions a phone would. A passkey logs its owner in and confirms her signature; a
 * passkey of another user, or of a user in another organisation, signs nothing; a used challenge is refused; failed
 * passkey logins count in the login throttle.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, withSession } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { inlineJobs } from "../common/jobs";
import {
  approveSubmission,
  getApprovalView,
  getSubmission,
  passkeySigningChallenge,
  requestApproval,
  sendForReview,
  signSubmissionWithPasskey,
} from "../submissions/index";
import { reauthenticate } from "../submissions/signing";
import { hashPassword } from "./password";
import {
  authenticateWithPasskey,
  listMyPasskeys,
  passkeyLoginOptions,
  passkeyRegistrationOptions,
  registerPasskey,
  relyingPartyOf,
  removeMyPasskey,
} from "./passkeys";
import { LOGIN_THROTTLE } from "./throttle";
import { SoftAuthenticator } from "./soft-authenticator.int";

const RP = relyingPartyOf("https://innspill.example.no");
const CLIENT = { ip: "192.0.2.10", userAgent: "vitest" };
const PASSWORD = "innspill-demo";

let t: TestDatabase;
let a: Record<string, Actor>;
let id: string;
let snapshotSha256: string;
/** A leader of another organisation, with a passkey of her own. */
let other: Actor;
const phones = new Map<string, SoftAuthenticator>();

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => "OK",
    (e: { code?: string; message?: string }) => `${e.code}:${e.message}`,
  );
}

/** Registers a passkey for the actor, as Min profil does: the password again, the options, the device, the answer. */
async function addPasskey(actor: Actor, name?: string) {
  await reauthenticate(t.db, { password: PASSWORD }, actor);
  const options = await passkeyRegistrationOptions(t.db, actor, RP);
  const phone = new SoftAuthenticator({ rpId: RP.id, origin: RP.origin });
  const passkey = await registerPasskey(t.db, { name, response: phone.register(options) }, actor, RP);
  phones.set(passkey.credentialId, phone);
  return { phone, passkey };
}

/** Kaja's session asks to sign; `phone` answers the challenge. */
async function signWith(actor: Actor, phone: SoftAuthenticator) {
  const options = await passkeySigningChallenge(t.db, { id, snapshotSha256 }, actor, RP);
  const response = phone.assert(options.challenge);
  return {
    response,
    result: signSubmissionWithPasskey(t.db, { id, snapshotSha256, response }, actor, CLIENT, inlineJobs, RP),
  };
}

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  const s = await t.db.submission.findFirstOrThrow();
  id = s.id;
  const version = async () => (await getSubmission(t.db, { id }, a.ingrid!)).version;
  await sendForReview(t.db, { id, version: await version() }, a.ingrid!);
  ({ snapshotSha256 } = await requestApproval(t.db, { id, version: await version() }, a.ingrid!, inlineJobs));
  await approveSubmission(t.db, { id, snapshotSha256 }, a.kaja!);

  const org = await t.db.organisation.create({
    data: { slug: "annen", name: "Annen forening", shortName: "AF" },
  });
  const user = await t.db.user.create({
    data: {
      organisationId: org.id,
      name: "Olga Annen",
      email: "olga@annen.test",
      role: "LEADER",
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  other = await withSession(t.db, { id: user.id, organisationId: org.id, role: "LEADER", name: user.name });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("passkeys", () => {
  it("registers only after the password again, and lists and removes the user's own", async () => {
    const fresh = await withSession(t.db, a.kaja!);
    expect(await codeOf(passkeyRegistrationOptions(t.db, fresh, RP))).toBe(
      "UNAUTHORIZED:passkeyReauthRequired",
    );

    const { passkey } = await addPasskey(a.kaja!, "Mobilen");
    expect(passkey.name).toBe("Mobilen");
    const spare = await addPasskey(a.kaja!);
    const mine = await listMyPasskeys(t.db, a.kaja!);
    expect(mine.passkeys.map((p) => p.name).sort()).toEqual(["Mobilen", "Passnøkkel 2"]);
    expect(mine.passkeys.every((p) => p.lastUsedAt === null)).toBe(true);
    // Heidi cannot remove Kaja's passkey; Kaja can.
    expect(await codeOf(removeMyPasskey(t.db, { passkeyId: spare.passkey.id }, a.heidi!))).toBe(
      "NOT_FOUND:passkeyNotFound",
    );
    await removeMyPasskey(t.db, { passkeyId: spare.passkey.id }, a.kaja!);
    expect((await listMyPasskeys(t.db, a.kaja!)).passkeys.map((p) => p.name)).toEqual(["Mobilen"]);
    const audit = await t.db.auditEvent.findMany({
      where: { actorId: a.kaja!.id, action: { in: ["user.passkeyAdded", "user.passkeyRemoved"] } },
    });
    expect(audit).toHaveLength(3);
  });

  it("refuses a registration answered for another origin or replayed", async () => {
    await reauthenticate(t.db, { password: PASSWORD }, a.heidi!);
    const options = await passkeyRegistrationOptions(t.db, a.heidi!, RP);
    const phishing = new SoftAuthenticator({ rpId: RP.id, origin: "https://innspill.example.no.evil.test" });
    expect(await codeOf(registerPasskey(t.db, { response: phishing.register(options) }, a.heidi!, RP))).toBe(
      "BAD_REQUEST:passkeyFailed",
    );
    // The challenge went with the refused attempt: the right answer to it now is too late.
    const phone = new SoftAuthenticator({ rpId: RP.id, origin: RP.origin });
    expect(await codeOf(registerPasskey(t.db, { response: phone.register(options) }, a.heidi!, RP))).toBe(
      "BAD_REQUEST:passkeyChallengeInvalid",
    );
  });

  it("logs in with a passkey, and refuses the same assertion again", async () => {
    const [kajaKey] = (await listMyPasskeys(t.db, a.kaja!)).passkeys;
    const phone = phones.get(kajaKey!.credentialId)!;
    const options = await passkeyLoginOptions(t.db, RP);
    expect(options.allowCredentials ?? []).toEqual([]);
    const response = phone.assert(options.challenge);
    const login = await authenticateWithPasskey(t.db, { response }, RP, { ip: "192.0.2.20" });
    expect(login.id).toBe(a.kaja!.id);
    const session = await t.db.session.findUniqueOrThrow({ where: { id: login.sessionId } });
    expect(session.revokedAt).toBeNull();
    expect(session.reauthenticatedAt).toBeNull();
    const used = await t.db.passkey.findUniqueOrThrow({ where: { credentialId: kajaKey!.credentialId } });
    expect(used.lastUsedAt).not.toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { actorId: a.kaja!.id, action: "user.loggedIn" },
      orderBy: { id: "desc" },
    });
    expect(audit.data).toMatchObject({ via: "passkey", credentialId: kajaKey!.credentialId });

    // Replayed: the challenge has been used.
    expect(await codeOf(authenticateWithPasskey(t.db, { response }, RP, { ip: "192.0.2.20" }))).toBe(
      "BAD_REQUEST:passkeyChallengeInvalid",
    );
  });

  it("counts failed passkey logins like wrong passwords: past the threshold the owner's bucket must wait", async () => {
    const [kajaKey] = (await listMyPasskeys(t.db, a.kaja!)).passkeys;
    const phone = phones.get(kajaKey!.credentialId)!;
    // A stranger's copy of the credential id with a signature of another key: each try fails and counts.
    const forger = new SoftAuthenticator({ rpId: RP.id, origin: RP.origin });
    const tries: string[] = [];
    for (let i = 0; i < LOGIN_THROTTLE.perUser + 1; i++) {
      const options = await passkeyLoginOptions(t.db, RP);
      const forged = {
        ...forger.assert(options.challenge),
        id: kajaKey!.credentialId,
        rawId: kajaKey!.credentialId,
      };
      forged.response.userHandle = phone.userHandle;
      tries.push(
        await codeOf(authenticateWithPasskey(t.db, { response: forged }, RP, { ip: `198.51.100.${i}` })),
      );
    }
    // The replayed login above was the first failure since her last success: four more, then she must wait.
    expect(tries).toEqual([
      ...Array(LOGIN_THROTTLE.perUser - 1).fill("UNAUTHORIZED:passkeyFailed"),
      "TOO_MANY_REQUESTS:tooManyAttempts",
      "TOO_MANY_REQUESTS:tooManyAttempts",
    ]);
    const failures = await t.db.loginAttempt.count({
      where: { bucket: `user:${a.kaja!.id}`, success: false },
    });
    expect(failures).toBe(LOGIN_THROTTLE.perUser);
    // Her own browser (its device cookie) still logs her in with the real passkey.
    const options = await passkeyLoginOptions(t.db, RP);
    const ok = await authenticateWithPasskey(t.db, { response: phone.assert(options.challenge) }, RP, {
      ip: "198.51.100.99",
      device: { id: "11111111-1111-4111-8111-111111111111", userId: a.kaja!.id },
    });
    expect(ok.id).toBe(a.kaja!.id);
  });

  it("refuses an unknown passkey at login", async () => {
    const stranger = new SoftAuthenticator({ rpId: RP.id, origin: RP.origin });
    const options = await passkeyLoginOptions(t.db, RP);
    expect(
      await codeOf(
        authenticateWithPasskey(t.db, { response: stranger.assert(options.challenge) }, RP, {
          ip: "192.0.2.30",
        }),
      ),
    ).toBe("UNAUTHORIZED:passkeyUnknown");
  });

  it("a passkey of another user, or of another organisation's user, cannot sign; the owner's can, once", async () => {
    const heidiPhone = (await addPasskey(a.heidi!)).phone;
    const olgaPhone = (await addPasskey(other)).phone;
    const kaja = await withSession(t.db, a.kaja!);

    // Kaja's session asks; Heidi's passkey (same organisation) answers: refused, nothing signed.
    expect(await codeOf((await signWith(kaja, heidiPhone)).result)).toBe("FORBIDDEN:passkeyNotYours");
    // Another organisation's leader's passkey: refused too.
    expect(await codeOf((await signWith(kaja, olgaPhone)).result)).toBe("FORBIDDEN:passkeyNotYours");
    // And the other organisation's leader cannot even ask to sign this letter.
    expect(await codeOf(passkeySigningChallenge(t.db, { id, snapshotSha256 }, other, RP))).toBe(
      "NOT_FOUND:submissionNotFound",
    );
    expect(await t.db.submissionSignature.count({ where: { submissionId: id } })).toBe(0);

    // An assertion made for another session's challenge does not sign in this one.
    const [kajaKey] = (await listMyPasskeys(t.db, a.kaja!)).passkeys;
    const kajaPhone = phones.get(kajaKey!.credentialId)!;
    const elsewhere = await passkeySigningChallenge(t.db, { id, snapshotSha256 }, a.kaja!, RP);
    expect(
      await codeOf(
        signSubmissionWithPasskey(
          t.db,
          { id, snapshotSha256, response: kajaPhone.assert(elsewhere.challenge) },
          kaja,
          CLIENT,
          inlineJobs,
          RP,
        ),
      ),
    ).toBe("BAD_REQUEST:passkeyChallengeInvalid");

    // Kaja's own passkey signs, with no password in this session.
    const { response, result } = await signWith(kaja, kajaPhone);
    expect(await result).toMatchObject({ status: "SIGNING" });
    const signature = await t.db.submissionSignature.findFirstOrThrow({ where: { submissionId: id } });
    expect(signature).toMatchObject({
      userId: a.kaja!.id,
      passkeyCredentialId: kajaKey!.credentialId,
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
      snapshotSha256,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "submission.signed" },
    });
    expect(audit.data).toMatchObject({ via: "passkey", passkeyCredentialId: kajaKey!.credentialId });
    const view = await getApprovalView(t.db, { id }, kaja);
    expect(view.signatories.find((s) => s.userId === a.kaja!.id)?.passkeyCredentialId).toBe(
      kajaKey!.credentialId,
    );

    // The same assertion again: its challenge is used.
    expect(
      await codeOf(
        signSubmissionWithPasskey(t.db, { id, snapshotSha256, response }, kaja, CLIENT, inlineJobs, RP),
      ),
    ).toBe("BAD_REQUEST:passkeyChallengeInvalid");
    expect(await t.db.submissionSignature.count({ where: { submissionId: id } })).toBe(1);

    // Heidi signs with hers: the letter is signed.
    const heidi = await withSession(t.db, a.heidi!);
    expect(await (await signWith(heidi, heidiPhone)).result).toMatchObject({ status: "SIGNED" });
  });

  it("refuses a passkey assertion whose device did not verify the user", async () => {
    const lazy = new SoftAuthenticator({ rpId: RP.id, origin: RP.origin, userVerified: false });
    await reauthenticate(t.db, { password: PASSWORD }, a.ingrid!);
    const options = await passkeyRegistrationOptions(t.db, a.ingrid!, RP);
    expect(await codeOf(registerPasskey(t.db, { response: lazy.register(options) }, a.ingrid!, RP))).toBe(
      "BAD_REQUEST:passkeyFailed",
    );
  });
});
