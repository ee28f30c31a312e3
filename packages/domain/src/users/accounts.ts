import { Prisma, queryRows, type Db, type Role } from "@innspill/db";
import type { Actor } from "../access/actor";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";
import { hashPassword, verifyPassword } from "./password";
import {
  changeOwnPasswordInput,
  createUserInput,
  credentialsInput,
  resetPasswordInput,
  userIdInput,
} from "./schemas";
import { sessionUser } from "./session-user";
import { startSession } from "./sessions";
import {
  addressBucket,
  deviceBucket,
  processLoginCap,
  sessionBucket,
  settleAttemptSlots,
  takeAttemptSlots,
  unknownEmailBucket,
  userBucket,
  type LoginRateCap,
} from "./throttle";

const publicUser = {
  id: true,
  name: true,
  email: true,
  title: true,
  role: true,
  active: true,
  createdAt: true,
} as const;

export async function listUsers(db: Db, actor: Actor) {
  authorize(actor, "user.manage");
  return db.user.findMany({
    where: { organisationId: actor.organisationId },
    select: publicUser,
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
}

export async function createUser(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "user.manage");
  const data = parseInput(createUserInput, input);
  // Unique within the organisation only: whether another organisation has the address is none of this one's business.
  const existing = await db.user.findFirst({
    where: { organisationId: actor.organisationId, email: data.email },
  });
  if (existing) throw new AppError("CONFLICT", "emailTaken", { fieldErrors: { email: ["emailTaken"] } });
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        organisationId: actor.organisationId,
        name: data.name,
        email: data.email,
        title: data.title,
        role: data.role,
        passwordHash,
      },
      select: publicUser,
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "user.created",
      entity: "User",
      entityId: user.id,
      data: { email: user.email, role: user.role },
    });
    return user;
  });
}

async function findOwnUser(db: Db, userId: string, actor: Actor) {
  const user = await db.user.findFirst({ where: { id: userId, organisationId: actor.organisationId } });
  if (!user) throw new AppError("NOT_FOUND", "userNotFound");
  return user;
}

export async function setUserActive(db: Db, input: unknown, actor: Actor, active: boolean) {
  authorize(actor, "user.manage");
  const { userId } = parseInput(userIdInput, input);
  if (!active && userId === actor.id) throw new AppError("BAD_REQUEST", "cannotDeactivateSelf");
  await findOwnUser(db, userId, actor);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
      select: publicUser,
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: active ? "user.activated" : "user.deactivated",
      entity: "User",
      entityId: userId,
    });
    return user;
  });
}

export const deactivateUser = (db: Db, input: unknown, actor: Actor) =>
  setUserActive(db, input, actor, false);
export const activateUser = (db: Db, input: unknown, actor: Actor) => setUserActive(db, input, actor, true);

export async function resetUserPassword(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "user.manage");
  const data = parseInput(resetPasswordInput, input);
  await findOwnUser(db, data.userId, actor);
  await setPassword(db, data.userId, data.password, actor, "user.passwordReset");
  return { ok: true as const };
}

/**
 * Min profil: a user changes their own password, with the current one. Wrong guesses are throttled in the session's
 * own bucket (with re-authentication's): a stolen session cannot try passwords here either.
 */
export async function changeOwnPassword(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  const data = parseInput(changeOwnPasswordInput, input);
  const user = await findOwnUser(db, actor.id, actor);
  const slots = await takeAttemptSlots(db, [sessionBucket(actor)], now, "current");
  const ok = await verifyPassword(user.passwordHash, data.current);
  await settleAttemptSlots(db, slots, () => ok);
  if (!ok) throw new AppError("BAD_REQUEST", "reauthFailed", { fieldErrors: { current: ["reauthFailed"] } });
  await setPassword(db, actor.id, data.password, actor, "user.passwordChanged");
  return { changed: true as const };
}

/** A new password, audited; every session of the user ends (the one changing it too). */
async function setPassword(db: Db, userId: string, password: string, actor: Actor, action: string) {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action,
      entity: "User",
      entityId: userId,
    });
  });
}

/**
 * Loads the acting user; null when the user no longer exists or is deactivated. For a session (`session` given), also
 * null when the session has ended: its version is older than the user's (password changed, reset), or its row is
 * revoked (logout), past its absolute lifetime or missing.
 */
export async function getActiveActor(
  db: Db,
  userId: string,
  /** The login's session; `version: null` when the caller knows only the session (it must still be live). */
  session?: { version: number | null; id: string | null },
): Promise<(Actor & { email: string }) | null> {
  // Read on every request: plain SQL through pg (`queryRows`; ARCHITECTURE.md, «Plain SQL»).
  if (!z.guid().safeParse(userId).success) return null;
  const sessionId = session?.id && z.guid().safeParse(session.id).success ? session.id : null;
  if (session && !sessionId) return null;
  const [user] = await queryRows<{
    id: string;
    organisationId: string;
    role: Role;
    name: string;
    email: string;
    active: boolean;
    sessionVersion: number;
    sessionId: string | null;
  }>(
    db,
    Prisma.sql`SELECT u.id::text, u."organisationId"::text, u.role::text AS role, u.name, u.email, u.active,
           u."sessionVersion", s.id::text AS "sessionId"
      FROM "User" u
      LEFT JOIN "Session" s ON s.id = ${sessionId}::uuid AND s."userId" = u.id AND s."revokedAt" IS NULL
                           AND s."expiresAt" > now()
     WHERE u.id = ${userId}::uuid`,
  );
  if (!user || !user.active) return null;
  if (session && ((session.version !== null && session.version !== user.sessionVersion) || !user.sessionId))
    return null;
  return {
    id: user.id,
    organisationId: user.organisationId,
    role: user.role,
    name: user.name,
    email: user.email,
    ...(user.sessionId ? { sessionId: user.sessionId } : {}),
  };
}

// A real hash, so that an unknown e-mail costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks e-mail and password, and starts a session. The attempt takes a slot in the bucket of every user it is tried
 * against and of the client's address (see throttle.ts) before any hash is computed; without a trusted address the
 * process's cap applies. From a browser where the user has logged in before (`device`, from a cookie the caller has
 * checked the signature of) her attempts count in that browser's bucket instead, and the cap does not apply: a
 * stranger guessing her password does not stop her. An unknown e-mail costs the same password hash as a known one.
 * Returns the session and the device id to remember in the browser.
 */
export async function authenticateUser(
  db: Db,
  input: unknown,
  context: {
    ip?: string | null;
    now?: Date;
    rateCap?: LoginRateCap;
    device?: { id: string; userId: string } | null;
  } = {},
) {
  const { email, password } = parseInput(credentialsInput, input);
  const now = context.now ?? new Date();
  const ip = context.ip ?? null;

  // The same address may have a user in more than one organisation: the active one whose password this is (the
  // oldest, should two share a password). Each is throttled on its own: one organisation's user cannot reset the
  // counts of another's.
  const candidates = await db.user.findMany({
    where: { email, active: true },
    orderBy: { createdAt: "asc" },
    take: 10,
  });
  const device = candidates.some((c) => c.id === context.device?.userId) ? context.device! : null;
  const bucketOf = (userId: string) =>
    device?.userId === userId ? deviceBucket(device.id, userId) : userBucket(userId);
  const cap = ip || device ? null : (context.rateCap ?? processLoginCap);
  cap?.take();
  const userBuckets = candidates.length ? candidates.map((c) => bucketOf(c.id)) : [unknownEmailBucket(email)];
  let slots;
  try {
    slots = await takeAttemptSlots(db, [...userBuckets, ...(ip ? [addressBucket(ip)] : [])], now);
  } catch (err) {
    cap?.giveBack();
    throw err;
  }
  dummyHash ??= hashPassword("not-a-real-password-0");
  const tried = new Map<string, boolean>();
  let user: (typeof candidates)[number] | undefined;
  if (!candidates.length) {
    await verifyPassword(await dummyHash, password);
    tried.set(unknownEmailBucket(email).key, false);
  }
  for (const candidate of candidates) {
    const ok = await verifyPassword(candidate.passwordHash, password);
    tried.set(bucketOf(candidate.id).key, ok);
    if (ok) {
      user = candidate;
      break;
    }
  }
  const success = Boolean(user);
  await settleAttemptSlots(db, slots, (key) => (key.startsWith("ip:") ? success : (tried.get(key) ?? null)));
  if (!success || !user) throw new AppError("UNAUTHORIZED", "invalidCredentials");
  cap?.giveBack();
  // A new login is a new session, which has not re-authenticated for signing (an earlier session's doesn't count).
  const sessionId = await startSession(db, user.id, now);
  await recordAudit(db, {
    organisationId: user.organisationId,
    actorId: user.id,
    action: "user.loggedIn",
    entity: "User",
    entityId: user.id,
    data: { ip: context.ip ?? null },
  });
  const deviceId = device?.userId === user.id ? device.id : randomUUID();
  return { ...sessionUser(user), sessionId, deviceId };
}

const bootstrapInput = createUserInput.extend({
  organisation: fields.requiredText(200, "nameTooLong"),
});

/**
 * The first administrator of an empty installation (no demo data), with its organisation. Refused as soon as any user
 * exists: after that, users are added by an administrator.
 */
export async function bootstrapInstallation(db: Db, input: unknown) {
  const data = parseInput(bootstrapInput, input);
  if (data.role !== "ADMIN")
    throw new AppError("BAD_REQUEST", "invalid", { fieldErrors: { role: ["bootstrapNeedsAdmin"] } });
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.count()) throw new AppError("CONFLICT", "alreadyBootstrapped");
    const slug =
      data.organisation
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-|-$/g, "") || "org";
    const org = await tx.organisation.create({
      data: { slug, name: data.organisation, shortName: data.organisation.split(/\s/)[0]! },
    });
    const user = await tx.user.create({
      data: {
        organisationId: org.id,
        name: data.name,
        email: data.email,
        title: data.title,
        role: "ADMIN",
        passwordHash,
      },
      select: publicUser,
    });
    await recordAudit(tx, {
      organisationId: org.id,
      actorId: user.id,
      action: "user.created",
      entity: "User",
      entityId: user.id,
      data: { email: user.email, role: user.role, bootstrap: true },
    });
    return { ...user, organisation: { id: org.id, name: org.name } };
  });
}
