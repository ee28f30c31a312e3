import type { Role } from "@innspill/db/enums";
import { AppError } from "./errors";

/** Who performs a use-case. Comes from the session (web) or the command line. */
export interface Actor {
  id: string;
  organisationId: string;
  role: Role;
  name: string;
  /** The session the request came with (web); none on the command line. Re-authentication belongs to it. */
  sessionId?: string;
}

export const ROLES = ["ADVISER", "LEADER", "ADMIN"] as const satisfies readonly Role[];

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError("FORBIDDEN", "forbidden");
}
