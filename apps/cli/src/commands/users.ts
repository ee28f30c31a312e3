import type { Db } from "@innspill/db";
import { UsageError, needs } from "../context";

/** The user a `users …` command names with --email. */
export async function userByEmail(db: Db, email: string | undefined) {
  needs(!!email, "Oppgi --email.");
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) throw new UsageError(`Fant ingen bruker ${email}.`);
  return user;
}
