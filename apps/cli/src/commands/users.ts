import type { Db } from "@innspill/db";
import { UsageError, needs } from "../context";

/** The user a `users …` command names with --email. */
export async function userByEmail(db: Db, email: string | undefined) {
  needs(!!email, "Oppgi --email.");
  const users = await db.user.findMany({ where: { email: email.toLowerCase() }, take: 2 });
  if (!users.length) throw new UsageError(`Fant ingen bruker ${email}.`);
  if (users.length > 1)
    throw new UsageError(`${email} er bruker i flere organisasjoner; endre brukeren i Admin i stedet.`);
  return users[0]!;
}
