/**
 * Optimistic locking, in one place. Rows people edit carry a `version`; an update names the version it read. The row
 * is locked (`FOR UPDATE`) within the caller's transaction and compared: a missing row (or another organisation's)
 * is NOT_FOUND, a newer one is CONFLICT carrying the current row, so the editor can compare and nothing is
 * overwritten silently.
 */
import { Prisma, type DbTx } from "@innspill/db";
import { AppError } from "./errors";

/** Tables with an organisation and a version, as named in the database. */
export type VersionedTable =
  "Hearing" | "Submission" | "Signatory" | "TextBlock" | "Position" | "IssuingBody";

export async function lockVersioned(
  tx: DbTx,
  table: VersionedTable,
  where: { id: string; organisationId: string },
  expected: {
    /** The version the caller read; omit to lock without comparing. */
    version?: number;
    notFound: string;
    conflict: string;
    /** The current row, for the CONFLICT's details. */
    current?: () => Promise<unknown>;
  },
): Promise<{ version: number }> {
  const rows = await tx.$queryRaw<{ version: number }[]>`
    SELECT version FROM ${Prisma.raw(`"${table}"`)}
     WHERE id = ${where.id}::uuid AND "organisationId" = ${where.organisationId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", expected.notFound);
  if (expected.version !== undefined && row.version !== expected.version)
    throw new AppError("CONFLICT", expected.conflict, {
      ...(expected.current ? { details: { current: await expected.current() } } : {}),
    });
  return row;
}

/** Names of an organisation's users by id: for showing who did what. */
export async function userNames(tx: DbTx, organisationId: string, ids?: Iterable<string | null | undefined>) {
  const wanted = ids ? [...new Set([...ids].filter((x): x is string => !!x))] : null;
  const users = await tx.user.findMany({
    where: { organisationId, ...(wanted ? { id: { in: wanted } } : {}) },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}
