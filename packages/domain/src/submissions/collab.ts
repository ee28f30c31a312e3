/**
 * Live co-writing of a letter's section texts. The collaboration server (apps/worker/src/collab.ts, Hocuspocus over
 * Yjs) holds one document per letter; these are its gates and its storage:
 *
 * - `issueCollabTicket` (web, with the user's session): a one-time pass for the WebSocket, issued only to a session
 *   that may edit this letter now (`submission.edit`: staff, an editable status) in its own organisation.
 * - `redeemCollabTicket` (collaboration server): takes the pass once, within a minute, and checks the session, the
 *   user and the letter again. A pass names one letter: it opens no other.
 * - `loadCollabState` / `storeCollabState`: the merged Yjs state in PostgreSQL.
 *
 * The letter itself is still saved by the composer (`saveSubmission`, under the letter's optimistic lock) with the
 * texts of the merged document, so the snapshot, its hash and approval keep naming one saved state.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { Prisma, queryRows, type Db } from "@innspill/db";
import type { SubmissionStatus } from "@innspill/db/enums";
import { can } from "../access/permissions";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { AppError } from "../common/errors";
import { getActiveActor } from "../users/accounts";
import { fields, parseInput } from "../common/validation";

/** How long a pass is good for: the WebSocket opens right after it is issued (and asks again at each reconnect). */
const COLLAB_TICKET_MS = 60_000;
/** The most a letter's co-writing state may hold (its texts and their history); a letter is tens of kilobytes. */
export const MAX_COLLAB_STATE_BYTES = 8 * 1024 * 1024;

export const collabTicketInput = z.object({ id: fields.id() }).strict();

const hash = (ticket: string) => createHash("sha256").update(ticket).digest("hex");

/** A one-time pass to co-write letter `id`, for this session. */
export async function issueCollabTicket(db: Db, input: unknown, actor: Actor): Promise<{ ticket: string }> {
  authorize(actor, "submission.edit");
  const { id } = parseInput(collabTicketInput, input);
  // Only a browser session co-writes: the pass is bound to it, and ends with it.
  if (!actor.sessionId) throw new AppError("FORBIDDEN", "forbidden");
  const s = await db.submission.findFirst({
    where: { id, organisationId: actor.organisationId },
    select: { status: true },
  });
  if (!s) throw new AppError("NOT_FOUND", "submissionNotFound");
  if (!can(actor, "submission.edit", { submissionStatus: s.status }))
    throw new AppError("FORBIDDEN", "forbidden");
  const ticket = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.collabTicket.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
    db.collabTicket.create({
      data: {
        tokenHash: hash(ticket),
        sessionId: actor.sessionId,
        userId: actor.id,
        submissionId: id,
        expiresAt: new Date(Date.now() + COLLAB_TICKET_MS),
      },
    }),
  ]);
  return { ticket };
}

export interface CollabUser {
  userId: string;
  name: string;
  organisationId: string;
  submissionId: string;
  /** The login the pass was issued to: the connection lasts as long as it does. */
  sessionId: string;
}

/**
 * The collaboration server's check of a connection: the pass (used up here), still within its minute, for this
 * letter, then `checkCollabAccess`. Null when any fails.
 */
export async function redeemCollabTicket(
  db: Db,
  { ticket, submissionId }: { ticket: string; submissionId: string },
): Promise<CollabUser | null> {
  if (typeof ticket !== "string" || ticket.length > 100) return null;
  if (!z.guid().safeParse(submissionId).success) return null;
  const [pass] = await db.$queryRaw<{ sessionId: string; userId: string; submissionId: string }[]>`
    DELETE FROM "CollabTicket" WHERE "tokenHash" = ${hash(ticket)} AND "expiresAt" > now()
    RETURNING "sessionId"::text AS "sessionId", "userId"::text AS "userId", "submissionId"::text AS "submissionId"`;
  if (!pass || pass.submissionId !== submissionId) return null;
  return checkCollabAccess(db, pass);
}

/**
 * May this login co-write this letter now? Its session not ended (logout, «log out everywhere», expiry), its user
 * active, and the user may edit the letter in its state now (not once it is signed). Checked
 * when a connection opens and again while it is open (the collaboration server's sweep), so an ended session or a
 * signed letter stops an open tab too. Null when any fails.
 */
export async function checkCollabAccess(
  db: Db,
  { sessionId, userId, submissionId }: { sessionId: string; userId: string; submissionId: string },
): Promise<CollabUser | null> {
  const actor = await getActiveActor(db, userId, { id: sessionId, version: null });
  if (!actor?.sessionId) return null;
  const [s] = await queryRows<{ status: SubmissionStatus }>(
    db,
    Prisma.sql`SELECT status::text AS status FROM "Submission"
                WHERE id = ${submissionId}::uuid AND "organisationId" = ${actor.organisationId}::uuid`,
  );
  if (!s || !can(actor, "submission.edit", { submissionStatus: s.status })) return null;
  return {
    userId: actor.id,
    name: actor.name,
    organisationId: actor.organisationId,
    submissionId,
    sessionId,
  };
}

/** The letter's stored co-writing state (one Yjs update), or null before anyone co-wrote it. */
export async function loadCollabState(db: Db, submissionId: string): Promise<Uint8Array | null> {
  const row = await db.submissionCollab.findUnique({ where: { submissionId }, select: { state: true } });
  return row ? new Uint8Array(row.state) : null;
}

/** Stores the letter's merged co-writing state. False when the letter is gone or the state is over its limit. */
export async function storeCollabState(db: Db, submissionId: string, state: Uint8Array): Promise<boolean> {
  if (state.byteLength > MAX_COLLAB_STATE_BYTES) return false;
  const s = await db.submission.findUnique({ where: { id: submissionId }, select: { organisationId: true } });
  if (!s) return false;
  const bytes = new Uint8Array(state);
  await db.submissionCollab.upsert({
    where: { submissionId },
    create: { submissionId, organisationId: s.organisationId, state: bytes },
    update: { state: bytes },
  });
  return true;
}
