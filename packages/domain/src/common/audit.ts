import { Prisma, queryRows, type DbTx } from "@innspill/db";

export interface AuditInput {
  organisationId: string | null;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
}

/** Appends an audit event. The table is append-only; the database refuses updates and deletes. */
export async function recordAudit(db: DbTx, input: AuditInput): Promise<void> {
  await db.auditEvent.create({ data: { ...input, data: input.data ?? {} } });
}

/** An event of a hearing's history, with the name of who did it (null for the system, or a user of no name here). */
export interface HistoryEvent {
  id: bigint;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  data: Prisma.JsonValue;
  createdAt: Date;
}

/**
 * A hearing's whole history: its own events and those of its letters (approvals, signatures, sending), newest first,
 * with the names of who did what. One statement (the hearing page reads it on every visit).
 */
export async function listHearingHistory(
  db: DbTx,
  hearingId: string,
  organisationId: string,
  options: {
    limit?: number;
    /** The hearing's letters, when the caller has read them already. */
    submissionIds?: string[];
  } = {},
): Promise<HistoryEvent[]> {
  const letters =
    options.submissionIds ??
    (await db.submission.findMany({ where: { hearingId }, select: { id: true } })).map((s) => s.id);
  return queryRows<HistoryEvent>(
    db,
    Prisma.sql`
    SELECT e.id, e."actorId"::text AS "actorId", u.name AS "actorName", e.action, e.entity, e."entityId",
           e.data, e."createdAt"
      FROM "AuditEvent" e
      LEFT JOIN "User" u ON u.id = e."actorId" AND u."organisationId" = ${organisationId}::uuid
     WHERE (e.entity = 'Hearing' AND e."entityId" = ${hearingId})
        OR (e.entity = 'Submission' AND e."entityId" = ANY(${letters}::text[]))
     ORDER BY e.id DESC
     ${options.limit ? Prisma.sql`LIMIT ${options.limit}` : Prisma.empty}`,
  );
}

/** Autosaves: many a minute while someone writes. */
const EDIT_ACTIONS = new Set(["submission.saved"]);
/** One person's saves within this long of their previous one are one entry. */
const EDIT_COALESCE_MS = 60 * 60_000;

/**
 * A history as people read it: one person's run of autosaves, each within an hour of the one before, is one entry
 * (the first of the run, with `count` and the time of the last). Other events stay as they are, in the given order.
 */
export function coalesceEdits<E extends { action: string; actorId: string | null; createdAt: Date }>(
  events: E[],
): (E & { count: number; lastAt: Date })[] {
  const newestFirst = events.length > 1 && events[0]!.createdAt > events.at(-1)!.createdAt;
  const chronological = newestFirst ? [...events].reverse() : events;
  const out: (E & { count: number; lastAt: Date })[] = [];
  for (const e of chronological) {
    const prev = out.at(-1);
    if (
      prev &&
      EDIT_ACTIONS.has(e.action) &&
      prev.action === e.action &&
      prev.actorId === e.actorId &&
      e.createdAt.getTime() - prev.lastAt.getTime() <= EDIT_COALESCE_MS
    ) {
      prev.count++;
      prev.lastAt = e.createdAt;
      continue;
    }
    out.push({ ...e, count: 1, lastAt: e.createdAt });
  }
  return newestFirst ? out.reverse() : out;
}
