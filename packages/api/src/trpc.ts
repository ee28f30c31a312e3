import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, type z } from "zod";
import type { Db } from "@innspill/db";
import {
  AppError,
  roleMay,
  toAppError,
  type Action,
  type Actor,
  type JobQueue,
  type RelyingParty,
} from "@innspill/domain";
import { transformer } from "./transformer";

export interface Context {
  db: Db;
  /** The logged-in user, loaded fresh per request; null when anonymous. */
  actor: Actor | null;
  /** The job queue the domain sends background work through (in the transaction of the change that needs it). */
  jobs: JobQueue;
  /** Hide internal error messages (production). */
  hideInternalErrors?: boolean;
  /** Where the request came from: recorded with signatures. */
  client?: { ip: string | null; userAgent: string | null };
  /** Where passkeys belong (the configured public address); passkeys are refused without it. */
  relyingParty?: RelyingParty;
}

function zodFieldErrors(err: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * What a procedure declares about access: anyone (`public`), any logged-in user (`signedIn`; the use-case decides
 * on the subject), or an action of the permission table (`PERMISSIONS` in the domain's access/permissions.ts). The role test
 * walks the router and holds every procedure to its declaration.
 */
export interface Meta {
  access: "public" | "signedIn" | Action;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer,
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      const appError = cause instanceof AppError ? cause : null;
      const fieldErrors =
        appError?.fieldErrors ?? (cause instanceof ZodError ? zodFieldErrors(cause) : undefined);
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const messageKey =
        appError?.message ?? (cause instanceof ZodError ? "invalid" : internal ? "internal" : null);
      return {
        ...shape,
        message: internal && ctx?.hideInternalErrors ? "internal" : shape.message,
        data: {
          ...shape.data,
          stack: ctx?.hideInternalErrors ? undefined : shape.data.stack,
          /** Key in the domain messages (`domain.<key>` in the web's messages). */
          messageKey,
          fieldErrors: fieldErrors ?? null,
          details: appError?.details ?? null,
        },
      };
    },
  });

/** Domain errors become the tRPC error of the same code, keeping the AppError as cause for the formatter. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = toAppError(result.error.cause);
    if (cause instanceof AppError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

export const router = t.router;

/**
 * A procedure's input, typed by the domain's schema but not parsed here: every use-case parses its input once, at
 * the edge of the domain (`parseInput`, a BAD_REQUEST with field errors), whether it is called by tRPC, the command
 * line or the worker. Parsing twice would make every transform run twice.
 */
export const domainInput =
  <S extends z.ZodType>(_schema: S) =>
  (raw: unknown) =>
    raw as z.input<S> & IdempotentInput;

/** Any mutation may carry the key a form made, which makes a create idempotent (see idempotency.ts). */
export interface IdempotentInput {
  idempotencyKey?: string;
}
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapAppErrors).meta({ access: "public" });

/** Any logged-in user; the use-case decides on the subject (its status, whether the user is its owner …). */
export const protectedProcedure = publicProcedure.meta({ access: "signedIn" }).use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "unauthorized" });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * The procedure does `action`: a role the permission table does not give it gets FORBIDDEN before the use-case runs
 * (which checks the same action, and the subject's state).
 */
export const permissionProcedure = (action: Action) =>
  protectedProcedure.meta({ access: action }).use(({ ctx, next }) => {
    if (!roleMay(ctx.actor.role, action)) throw new TRPCError({ code: "FORBIDDEN", message: "forbidden" });
    return next();
  });
