import type { DbTx, Prisma } from "@innspill/db";

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

/** A hearing's whole history: its own events and those of its submissions (approvals, signatures, sending), newest first. */
export async function listHearingHistory(db: DbTx, hearingId: string, limit?: number) {
  const submissions = await db.submission.findMany({ where: { hearingId }, select: { id: true } });
  return db.auditEvent.findMany({
    where: {
      OR: [
        { entity: "Hearing", entityId: hearingId },
        { entity: "Submission", entityId: { in: submissions.map((s) => s.id) } },
      ],
    },
    orderBy: { id: "desc" },
    ...(limit ? { take: limit } : {}),
  });
}
