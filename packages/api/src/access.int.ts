// The role test's checks, written once for the app's router and for the planted router that proves they catch a
// mismatch (api.int.test.ts).
import { TRPCError } from "@trpc/server";
import type { Role } from "@innspill/db";
import { PERMISSIONS, isAction } from "@innspill/domain";
import { createCallerFactory, type Context, type Meta } from "./trpc";

const ROLES: Role[] = ["ADVISER", "LEADER", "ADMIN"];

type AnyRouter = Parameters<typeof createCallerFactory>[0];
type Procedures = Record<string, { _def: { type: string; meta?: Partial<Meta> } }>;

const proceduresOf = (r: AnyRouter) => r._def.procedures as unknown as Procedures;

/** The procedures that declare neither `public`, `signedIn` nor an action of the permission table. */
export function undeclared(r: AnyRouter): string[] {
  return Object.entries(proceduresOf(r))
    .filter(([, p]) => {
      const a = p._def.meta?.access;
      return !a || (a !== "public" && a !== "signedIn" && !isAction(a));
    })
    .map(([path]) => path);
}

/** Who may call the procedure by its declaration and the table: "public" (anyone), or the roles. */
function expectedAccess(r: AnyRouter, path: string): Role[] | "public" {
  const a = proceduresOf(r)[path]!._def.meta?.access;
  if (a === "public") return "public";
  if (a === "signedIn") return ROLES;
  return a && isAction(a) ? [...PERMISSIONS[a].roles] : [];
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

export async function callPath(r: AnyRouter, ctx: Context, path: string, input: unknown): Promise<unknown> {
  let f: unknown = createCallerFactory(r)(ctx);
  for (const part of path.split(".")) f = (f as Record<string, unknown>)[part];
  return (f as (i: unknown) => Promise<unknown>)(input);
}

/**
 * Calls the procedure with an empty input as each role and anonymously; what answers differently from the table.
 * An allowed caller may get BAD_REQUEST or NOT_FOUND (the input is empty), never an access error; a role the table
 * leaves out gets FORBIDDEN, and an anonymous caller UNAUTHORIZED.
 */
export async function accessMismatches(
  r: AnyRouter,
  ctxFor: (role: Role | null) => Context,
  path: string,
): Promise<string[]> {
  const access = expectedAccess(r, path);
  const out: string[] = [];
  for (const role of [null, ...ROLES]) {
    const allowed = access === "public" || (role !== null && access.includes(role));
    const code = await codeOf(callPath(r, ctxFor(role), path, {}));
    const expected = role === null ? "UNAUTHORIZED" : "FORBIDDEN";
    const ok = allowed ? ["OK", "BAD_REQUEST", "NOT_FOUND"].includes(code) : code === expected;
    if (!ok)
      out.push(
        `${path} as ${role ?? "anonymous"}: ${code}, the table says ${allowed ? "allowed" : expected}`,
      );
  }
  return out;
}
