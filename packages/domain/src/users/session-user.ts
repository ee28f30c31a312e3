import type { User } from "@innspill/db";

/** What a session holds of the user who signed in, whichever way they did. */
export function sessionUser(
  user: Pick<User, "id" | "name" | "email" | "role" | "organisationId" | "sessionVersion">,
) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    sessionVersion: user.sessionVersion,
  };
}
