import type { Db, Role } from "@innspill/db";
import type { Actor } from "../actor";
import { z } from "zod";
import { authorize } from "../actor";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { fields, parseInput } from "../validation";
import { hashPassword, verifyPassword } from "./password";
import {
  changeOwnPasswordInput,
  createUserInput,
  credentialsInput,
  resetPasswordInput,
  userIdInput,
} from "./schemas";
import { sessionUser } from "./session-user";
import { checkLoginThrottle, recordLoginAttempt } from "./throttle";

export { hashPassword, verifyPassword } from "./password";
export * from "./schemas";

export { LOGIN_THROTTLE, throttleDelaySeconds } from "./throttle";

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

/** Min profil: a user changes their own password, with the current one. */
export async function changeOwnPassword(db: Db, input: unknown, actor: Actor) {
  const data = parseInput(changeOwnPasswordInput, input);
  const user = await findOwnUser(db, actor.id, actor);
  if (!(await verifyPassword(user.passwordHash, data.current)))
    throw new AppError("BAD_REQUEST", "reauthFailed", { fieldErrors: { current: ["reauthFailed"] } });
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

/** Loads the acting user for a session; null when the user no longer exists or is deactivated. */
export async function getActiveActor(
  db: Db,
  userId: string,
  /** The session's version, when the actor is for a session: an older one has ended (password changed, reset). */
  sessionVersion?: number,
): Promise<(Actor & { email: string }) | null> {
  // Read on every request: plain SQL, which costs a third of the ORM's query (measured in `npm run bench api`).
  if (!z.guid().safeParse(userId).success) return null;
  const [user] = await db.$queryRaw<
    {
      id: string;
      organisationId: string;
      role: Role;
      name: string;
      email: string;
      active: boolean;
      sessionVersion: number;
    }[]
  >`SELECT id::text, "organisationId"::text, role::text AS role, name, email, active, "sessionVersion"
      FROM "User" WHERE id = ${userId}::uuid`;
  if (!user || !user.active) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return {
    id: user.id,
    organisationId: user.organisationId,
    role: user.role,
    name: user.name,
    email: user.email,
  };
}

// A real hash, so that an unknown e-mail costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks e-mail and password. Every attempt is recorded, with the client's address; repeated failures make the next
 * try wait (see throttle.ts). An unknown e-mail costs the same password hash as a known one.
 */
export async function authenticateUser(
  db: Db,
  input: unknown,
  context: { ip?: string | null; now?: Date } = {},
) {
  const { email, password } = parseInput(credentialsInput, input);
  const now = context.now ?? new Date();
  const ip = context.ip ?? null;
  await checkLoginThrottle(db, email, ip, now);

  // The same address may have a user in more than one organisation: the active one whose password this is (the
  // oldest, should two share a password).
  const candidates = await db.user.findMany({
    where: { email, active: true },
    orderBy: { createdAt: "asc" },
    take: 10,
  });
  dummyHash ??= hashPassword("not-a-real-password-0");
  let user: (typeof candidates)[number] | undefined;
  if (!candidates.length) await verifyPassword(await dummyHash, password);
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.passwordHash, password)) {
      user = candidate;
      break;
    }
  }
  const success = Boolean(user);
  await recordLoginAttempt(db, { email, ip, success, now });
  if (!success || !user) throw new AppError("UNAUTHORIZED", "invalidCredentials");
  // A new login is a new session, which has not re-authenticated for signing (an earlier session's doesn't count).
  if (user.reauthenticatedAt)
    await db.user.update({ where: { id: user.id }, data: { reauthenticatedAt: null } });
  await recordAudit(db, {
    organisationId: user.organisationId,
    actorId: user.id,
    action: "user.loggedIn",
    entity: "User",
    entityId: user.id,
    data: { ip: context.ip ?? null },
  });
  return sessionUser(user);
}

export const bootstrapInput = createUserInput.extend({
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
