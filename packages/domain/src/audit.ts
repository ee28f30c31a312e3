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

export async function listAuditEvents(db: DbTx, entity: string, entityId: string) {
  return db.auditEvent.findMany({
    where: { entity, entityId },
    orderBy: { id: "desc" },
    take: 200,
  });
}
