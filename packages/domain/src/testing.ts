/** For tests: the seeded demo users as actors, keyed by the local part of their e-mail ("ingrid", "admin", …). */
import type { Db } from "@innspill/db";
import type { Actor } from "./actor";

export async function demoActors(db: Db): Promise<Record<string, Actor>> {
  const users = await db.user.findMany();
  return Object.fromEntries(
    users.map((u) => [
      u.email.split("@")[0]!,
      { id: u.id, organisationId: u.organisationId, role: u.role, name: u.name },
    ]),
  );
}
