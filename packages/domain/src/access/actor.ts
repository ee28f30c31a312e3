import type { Role } from "@innspill/db/enums";
import { roleMay, type Action } from "./permissions";
import { AppError } from "../common/errors";

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

/** The actor's role may do the action (`PERMISSIONS` in permissions.ts); FORBIDDEN otherwise. The subject's state is
 * checked with `can` once it is read. */
export function authorize(actor: Actor, action: Action): void {
  if (!roleMay(actor.role, action)) throw new AppError("FORBIDDEN", "forbidden");
}
