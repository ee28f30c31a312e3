/**
 * Passkeys (WebAuthn, with @simplewebauthn/server): a user registers passkeys on Min profil, logs in with one, and a
 * leader confirms a signature with one instead of the password.
 *
 * - Every ceremony's challenge is issued and kept by the server (`PasskeyChallenge`), for two minutes, and is used
 *   once: it is marked used in the statement that reads it, so a replayed assertion finds nothing to match.
 * - A registration or signing challenge belongs to the user and the session that asked for it; a signing challenge
 *   also names the letter and the hash it signs, so an assertion made for one letter cannot sign another.
 * - The relying party (RP ID and origin) is the configured public address (`relyingParty` in @innspill/auth).
 * - Adding a passkey needs the session to have re-authenticated (password, or a fresh single sign-on) within five
 *   minutes: a stolen session cannot give itself a way to sign.
 * - Failed passkey logins count in the login throttle like wrong passwords; failed signing assertions in the
 *   session's re-authentication bucket.
 *
 * Over 400 lines on purpose: registration, login and signing share the challenge store, the response schemas and
 * the assertion check, which split into files would have to export to each other.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";
import { sessionReauthenticatedAt, startSession } from "./sessions";
import { sessionUser } from "./session-user";
import {
  addressBucket,
  deviceBucket,
  processLoginCap,
  settleAttemptSlots,
  takeAttemptSlots,
  userBucket,
  LoginRateCap,
  type ThrottleBucket,
} from "./throttle";
import { LOGIN_THROTTLE } from "./throttle";

/** Where Innspill is opened: the passkeys' scope (RP ID, a host name) and the origin the browser must report. */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

/** The relying party of a public address (`https://innspill.nito.no` → RP ID `innspill.nito.no`). */
export function relyingPartyOf(publicUrl: string, name = "Innspill"): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, origin: url.origin, name };
}

/** The relying party, which a server without a public address has not got: passkeys are then refused. */
function needRp(rp: RelyingParty | undefined): RelyingParty {
  if (!rp) throw new AppError("BAD_REQUEST", "passkeyFailed");
  return rp;
}

const PASSKEY_CHALLENGE_MS = 2 * 60 * 1000;
const MAX_PASSKEYS = 10;
const REAUTH_WINDOW_MS = 5 * 60 * 1000;

const b64url = (max: number) =>
  z
    .string({ error: "invalid" })
    .max(max, { error: "invalid" })
    .regex(/^[A-Za-z0-9_-]*={0,2}$/, { error: "invalid" });

/** The browser's extension outputs: passed to the library as they are, within a size. */
const extensionResults = z
  .unknown()
  .refine((v) => v === undefined || (typeof v === "object" && JSON.stringify(v).length <= 4000), {
    error: "invalid",
  });

/** What a browser sends back from `navigator.credentials.create` (@simplewebauthn/browser's JSON), with limits. */
const registrationResponse = z.object({
  id: b64url(1400).min(1),
  rawId: b64url(1400).min(1),
  type: z.literal("public-key", { error: "invalid" }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: extensionResults,
  response: z.object({
    clientDataJSON: b64url(8000),
    attestationObject: b64url(40_000),
    transports: z.array(z.string().max(40)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(8000).optional(),
    authenticatorData: b64url(20_000).optional(),
  }),
});

/** What a browser sends back from `navigator.credentials.get`. */
export const authenticationResponse = z.object({
  id: b64url(1400).min(1),
  rawId: b64url(1400).min(1),
  type: z.literal("public-key", { error: "invalid" }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: extensionResults,
  response: z.object({
    clientDataJSON: b64url(8000),
    authenticatorData: b64url(20_000),
    signature: b64url(2000),
    userHandle: b64url(200).optional(),
  }),
});

export const registerPasskeyInput = z.object({
  name: fields.optionalText(60, "passkeyNameTooLong"),
  response: registrationResponse,
});
const passkeyLoginInput = z.object({ response: authenticationResponse });
export const passkeyIdInput = z.object({ passkeyId: fields.id() });

type Purpose = "register" | "login" | "sign";

async function issueChallenge(
  db: Db,
  challenge: string,
  purpose: Purpose,
  owner: { userId?: string; sessionId?: string; subject?: string },
  now: Date,
) {
  await db.passkeyChallenge.create({
    data: {
      challenge,
      purpose,
      userId: owner.userId ?? null,
      sessionId: owner.sessionId ?? null,
      subject: owner.subject ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_MS),
    },
  });
  // Challenges are of no use once expired; kept an hour for the record, then removed.
  if (Math.random() < 0.05)
    await db.passkeyChallenge.deleteMany({
      where: { createdAt: { lt: new Date(now.getTime() - 3_600_000) } },
    });
}

/** The challenge the browser signed, read from its client data (which the signature covers). */
function challengeOf(clientDataJSON: string): string {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as unknown;
    const challenge = (data as { challenge?: unknown })?.challenge;
    if (typeof challenge === "string" && challenge.length <= 200) return challenge;
  } catch {
    // below
  }
  throw new AppError("BAD_REQUEST", "passkeyFailed");
}

/**
 * Uses a challenge: the one this response answers, for this purpose and owner, unused and unexpired. It is marked
 * used in the same statement, so two requests with one challenge get it once between them.
 */
async function useChallenge(
  db: Db,
  clientDataJSON: string,
  purpose: Purpose,
  owner: { userId?: string; sessionId?: string; subject?: string },
  now: Date,
): Promise<string> {
  const challenge = challengeOf(clientDataJSON);
  const rows = await db.$queryRaw<{ challenge: string }[]>`
    UPDATE "PasskeyChallenge" SET "usedAt" = ${now}
     WHERE challenge = ${challenge} AND purpose = ${purpose} AND "usedAt" IS NULL AND "expiresAt" > ${now}
       AND "userId" IS NOT DISTINCT FROM ${owner.userId ?? null}::uuid
       AND "sessionId" IS NOT DISTINCT FROM ${owner.sessionId ?? null}::uuid
       AND subject IS NOT DISTINCT FROM ${owner.subject ?? null}
    RETURNING challenge`;
  if (!rows.length) throw new AppError("BAD_REQUEST", "passkeyChallengeInvalid");
  return challenge;
}

function requireFreshReauth(reauthenticatedAt: Date | null, now: Date) {
  if (!reauthenticatedAt || now.getTime() - reauthenticatedAt.getTime() > REAUTH_WINDOW_MS)
    throw new AppError("UNAUTHORIZED", "passkeyReauthRequired");
}

const userHandleOf = (userId: string) => new Uint8Array(Buffer.from(userId.replaceAll("-", ""), "hex"));
const userIdOfHandle = (handle: string | undefined) => {
  if (!handle) return null;
  const hex = Buffer.from(handle, "base64url").toString("hex");
  return hex.length === 32
    ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    : null;
};

/** Min profil: the user's passkeys, newest first, with when each was last used. */
export async function listMyPasskeys(db: Db, actor: Actor) {
  const [passkeys, reauthenticatedAt, me] = await Promise.all([
    db.passkey.findMany({
      where: { userId: actor.id, organisationId: actor.organisationId },
      select: { id: true, name: true, credentialId: true, createdAt: true, lastUsedAt: true, backedUp: true },
      orderBy: { createdAt: "desc" },
    }),
    sessionReauthenticatedAt(db, actor.sessionId),
    db.user.findUnique({ where: { id: actor.id }, select: { oidcSubject: true } }),
  ]);
  return {
    passkeys,
    /** Whether adding one needs the password (or a fresh single sign-on) first. */
    reauthFresh: !!reauthenticatedAt && Date.now() - reauthenticatedAt.getTime() < REAUTH_WINDOW_MS - 30_000,
    reauthVia: me?.oidcSubject ? ("oidc" as const) : ("password" as const),
  };
}

/** The options for `navigator.credentials.create`: a discoverable passkey with user verification. */
export async function passkeyRegistrationOptions(
  db: Db,
  actor: Actor,
  maybeRp: RelyingParty | undefined,
  now: Date = new Date(),
) {
  const rp = needRp(maybeRp);
  if (!actor.sessionId) throw new AppError("UNAUTHORIZED", "passkeyReauthRequired");
  requireFreshReauth(await sessionReauthenticatedAt(db, actor.sessionId, now), now);
  const [user, existing] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, name: true } }),
    db.passkey.findMany({
      where: { userId: actor.id },
      select: { credentialId: true, transports: true },
    }),
  ]);
  if (existing.length >= MAX_PASSKEYS) throw new AppError("BAD_REQUEST", "passkeyTooMany");
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: userHandleOf(actor.id),
    userName: user.email,
    userDisplayName: user.name,
    attestationType: "none",
    timeout: PASSKEY_CHALLENGE_MS,
    excludeCredentials: existing.map((c) => ({
      id: c.credentialId,
      transports: c.transports as AuthenticatorTransport[],
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await issueChallenge(
    db,
    options.challenge,
    "register",
    { userId: actor.id, sessionId: actor.sessionId },
    now,
  );
  return options;
}

/** Stores the passkey the browser made, once its attestation checks out against this session's challenge. */
export async function registerPasskey(
  db: Db,
  input: unknown,
  actor: Actor,
  maybeRp: RelyingParty | undefined,
  now: Date = new Date(),
) {
  const { name, response } = parseInput(registerPasskeyInput, input);
  const rp = needRp(maybeRp);
  if (!actor.sessionId) throw new AppError("UNAUTHORIZED", "passkeyReauthRequired");
  requireFreshReauth(await sessionReauthenticatedAt(db, actor.sessionId, now), now);
  const expectedChallenge = await useChallenge(
    db,
    response.response.clientDataJSON,
    "register",
    { userId: actor.id, sessionId: actor.sessionId },
    now,
  );
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch {
    throw new AppError("BAD_REQUEST", "passkeyFailed");
  }
  if (!verification.verified || !verification.registrationInfo)
    throw new AppError("BAD_REQUEST", "passkeyFailed");
  const info = verification.registrationInfo;
  const count = await db.passkey.count({ where: { userId: actor.id } });
  if (count >= MAX_PASSKEYS) throw new AppError("BAD_REQUEST", "passkeyTooMany");
  if (await db.passkey.findUnique({ where: { credentialId: info.credential.id } }))
    throw new AppError("CONFLICT", "passkeyFailed");
  return db.$transaction(async (tx) => {
    const passkey = await tx.passkey.create({
      data: {
        organisationId: actor.organisationId,
        userId: actor.id,
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey),
        counter: BigInt(info.credential.counter),
        transports: (info.credential.transports ?? []).slice(0, 10),
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name: name ?? `Passnøkkel ${count + 1}`,
        createdAt: now,
      },
      select: { id: true, name: true, credentialId: true, createdAt: true, lastUsedAt: true },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "user.passkeyAdded",
      entity: "User",
      entityId: actor.id,
      data: { passkeyId: passkey.id, credentialId: passkey.credentialId, name: passkey.name },
    });
    return passkey;
  });
}

/** Removes one of the user's own passkeys: it logs in and signs no more. */
export async function removeMyPasskey(db: Db, input: unknown, actor: Actor) {
  const { passkeyId } = parseInput(passkeyIdInput, input);
  return db.$transaction(async (tx) => {
    const passkey = await tx.passkey.findFirst({
      where: { id: passkeyId, userId: actor.id, organisationId: actor.organisationId },
    });
    if (!passkey) throw new AppError("NOT_FOUND", "passkeyNotFound");
    await tx.passkey.delete({ where: { id: passkey.id } });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "user.passkeyRemoved",
      entity: "User",
      entityId: actor.id,
      data: { passkeyId: passkey.id, credentialId: passkey.credentialId, name: passkey.name },
    });
    return { removed: true as const };
  });
}

/** Login challenges one process issues: 300 at once, then 300 a minute (each is a row for two minutes). */
const loginChallengeCap = new LoginRateCap(300, 300);

/** The options for a passkey login: any passkey of this site (discoverable), with user verification. */
export async function passkeyLoginOptions(db: Db, maybeRp: RelyingParty | undefined, now: Date = new Date()) {
  const rp = needRp(maybeRp);
  // Anyone may ask, so each process hands out a bounded number a minute: a client cannot fill the table.
  loginChallengeCap.take("passkey");
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: "required",
    timeout: PASSKEY_CHALLENGE_MS,
  });
  await issueChallenge(db, options.challenge, "login", {}, now);
  return options;
}

/** The passkey an assertion names, with its owner. */
async function findPasskey(db: Db, credentialId: string) {
  return db.passkey.findUnique({
    where: { credentialId },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          organisationId: true,
          sessionVersion: true,
          active: true,
          oidcSubject: true,
        },
      },
    },
  });
}

type StoredPasskey = NonNullable<Awaited<ReturnType<typeof findPasskey>>>;

/** Checks an assertion against a stored passkey; true when the signature, origin, RP ID and verification hold. */
async function checkAssertion(
  response: z.output<typeof authenticationResponse>,
  passkey: StoredPasskey,
  expectedChallenge: string,
  rp: RelyingParty,
) {
  try {
    const result = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: passkey.transports as AuthenticatorTransport[],
      },
    });
    return result.verified ? result.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}

async function markUsed(db: Db, passkey: StoredPasskey, newCounter: number, now: Date) {
  await db.passkey.update({
    where: { id: passkey.id },
    data: { counter: BigInt(newCounter), lastUsedAt: now },
  });
}

/** For a credential no user has: its own bucket, the same work and answers as for a known one. */
const unknownPasskeyBucket = (credentialId: string): ThrottleBucket => ({
  key: `passkey:${credentialId.slice(0, 200)}`,
  threshold: LOGIN_THROTTLE.perUser,
  resetOnSuccess: true,
});

/**
 * A login with a passkey. Throttled like a password login (throttle.ts): a slot in the owner's bucket (or this
 * browser's, `device`), the address's, or the process's cap, before the assertion is checked; a failure counts.
 * The assertion must answer an unused login challenge, name a stored passkey of an active user, carry that user's
 * handle, and verify. Starts a session, as a password login does; returns the session and the device id.
 */
export async function authenticateWithPasskey(
  db: Db,
  input: unknown,
  maybeRp: RelyingParty | undefined,
  context: {
    ip?: string | null;
    now?: Date;
    rateCap?: LoginRateCap;
    device?: { id: string; userId: string } | null;
  } = {},
) {
  const { response } = parseInput(passkeyLoginInput, input);
  const rp = needRp(maybeRp);
  const now = context.now ?? new Date();
  const ip = context.ip ?? null;
  const passkey = await findPasskey(db, response.id);
  const owner = passkey?.user.active ? passkey.user : null;
  const device = owner && context.device?.userId === owner.id ? context.device : null;
  const bucket = owner
    ? device
      ? deviceBucket(device.id, owner.id)
      : userBucket(owner.id)
    : unknownPasskeyBucket(response.id);
  const cap = ip || device ? null : (context.rateCap ?? processLoginCap);
  cap?.take("passkey");
  let slots;
  try {
    slots = await takeAttemptSlots(db, [bucket, ...(ip ? [addressBucket(ip)] : [])], now, "passkey");
  } catch (err) {
    cap?.giveBack();
    throw err;
  }
  let newCounter: number | null = null;
  let failure: AppError = new AppError("UNAUTHORIZED", "passkeyFailed");
  try {
    const expectedChallenge = await useChallenge(db, response.response.clientDataJSON, "login", {}, now);
    if (!passkey || !owner) failure = new AppError("UNAUTHORIZED", "passkeyUnknown");
    else if (passkey.organisationId !== owner.organisationId)
      failure = new AppError("UNAUTHORIZED", "passkeyFailed");
    else if (userIdOfHandle(response.response.userHandle) !== owner.id)
      failure = new AppError("UNAUTHORIZED", "passkeyFailed");
    else newCounter = await checkAssertion(response, passkey, expectedChallenge, rp);
  } catch (err) {
    if (!(err instanceof AppError)) {
      await settleAttemptSlots(db, slots, () => null);
      throw err;
    }
    failure = err;
  }
  const success = newCounter !== null;
  await settleAttemptSlots(db, slots, () => success);
  if (!success || !passkey || !owner) throw failure;
  cap?.giveBack();
  await markUsed(db, passkey, newCounter!, now);
  const sessionId = await startSession(db, owner.id, now);
  await recordAudit(db, {
    organisationId: owner.organisationId,
    actorId: owner.id,
    action: "user.loggedIn",
    entity: "User",
    entityId: owner.id,
    data: { via: "passkey", credentialId: passkey.credentialId, ip },
  });
  return {
    ...sessionUser(owner),
    sessionId,
    deviceId: device?.id ?? randomUUID(),
    credentialId: passkey.credentialId,
  };
}

/** The subject a signing challenge is bound to: the letter and the hash the leader signs. */
const signingSubject = (submissionId: string, snapshotSha256: string) =>
  `sign:${submissionId}:${snapshotSha256}`;

/**
 * The options for confirming a signature with a passkey: the user's own passkeys only, bound to this session, this
 * letter and this hash. A user linked to single sign-on confirms with a fresh login there instead.
 */
export async function passkeySigningOptions(
  db: Db,
  target: { id: string; snapshotSha256: string },
  actor: Actor,
  maybeRp: RelyingParty | undefined,
  now: Date = new Date(),
) {
  const rp = needRp(maybeRp);
  if (!actor.sessionId) throw new AppError("UNAUTHORIZED", "reauthRequired");
  const [user, passkeys] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { oidcSubject: true } }),
    db.passkey.findMany({
      where: { userId: actor.id, organisationId: actor.organisationId },
      select: { credentialId: true, transports: true },
    }),
  ]);
  if (user.oidcSubject) throw new AppError("BAD_REQUEST", "passkeySso");
  if (!passkeys.length) throw new AppError("BAD_REQUEST", "passkeyNone");
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: "required",
    timeout: PASSKEY_CHALLENGE_MS,
    allowCredentials: passkeys.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransport[],
    })),
  });
  await issueChallenge(
    db,
    options.challenge,
    "sign",
    {
      userId: actor.id,
      sessionId: actor.sessionId,
      subject: signingSubject(target.id, target.snapshotSha256),
    },
    now,
  );
  return options;
}

/**
 * Checks a signing assertion: this session's unused challenge for this letter and hash, answered by a passkey of
 * this user in this organisation. Failures count in the session's re-authentication bucket. Returns the credential
 * id, which the signature records.
 */
export async function verifySigningAssertion(
  db: Db,
  response: z.output<typeof authenticationResponse>,
  target: { id: string; snapshotSha256: string },
  actor: Actor,
  rp: RelyingParty,
  now: Date,
  bucket: ThrottleBucket,
): Promise<string> {
  if (!actor.sessionId) throw new AppError("UNAUTHORIZED", "reauthRequired");
  const slots = await takeAttemptSlots(db, [bucket], now, "passkey");
  let newCounter: number | null = null;
  let passkey: StoredPasskey | null = null;
  let failure = new AppError("UNAUTHORIZED", "passkeyFailed");
  try {
    const expectedChallenge = await useChallenge(
      db,
      response.response.clientDataJSON,
      "sign",
      {
        userId: actor.id,
        sessionId: actor.sessionId,
        subject: signingSubject(target.id, target.snapshotSha256),
      },
      now,
    );
    passkey = await findPasskey(db, response.id);
    if (!passkey || passkey.userId !== actor.id || passkey.organisationId !== actor.organisationId)
      failure = new AppError("FORBIDDEN", "passkeyNotYours");
    else if (passkey.user.oidcSubject) failure = new AppError("BAD_REQUEST", "passkeySso");
    else newCounter = await checkAssertion(response, passkey, expectedChallenge, rp);
  } catch (err) {
    if (!(err instanceof AppError)) {
      await settleAttemptSlots(db, slots, () => null);
      throw err;
    }
    failure = err;
  }
  const ok = newCounter !== null && !!passkey;
  await settleAttemptSlots(db, slots, () => ok);
  if (!ok) throw failure;
  await markUsed(db, passkey!, newCounter!, now);
  return passkey!.credentialId;
}
