/**
 * Errors that use-cases raise on purpose. `message` is a key in `i18n/messages.ts` (shown translated in the UI and the CLI);
 * `fieldErrors` maps form fields to message keys. The API layer maps `code` to the tRPC error code one-to-one.
 */
export type AppErrorCode =
  "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  /** Extra data for the client, e.g. the current row on CONFLICT. */
  readonly details?: unknown;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { fieldErrors?: Record<string, string[]>; details?: unknown } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * A database error the user can act on, as an AppError: a unique constraint won by a concurrent request (Prisma's
 * P2002, e.g. a double click or two people saving the same name) is a CONFLICT with a message, never a 500; a value
 * its column cannot hold is BAD_REQUEST. Anything else is returned as it was. Used by every edge (tRPC, route handlers, the command line).
 */
export function toAppError(err: unknown): unknown {
  if (isAppError(err)) return err;
  const e = err as { name?: string; code?: string } | null;
  if (e?.name === "PrismaClientKnownRequestError" && e.code === "P2002")
    return new AppError("CONFLICT", "alreadyExists");
  // A value the column cannot hold (too long, out of range) is bad input the schema let through: a 400, not a 500.
  if (e?.name === "PrismaClientKnownRequestError" && (e.code === "P2000" || e.code === "P2020"))
    return new AppError("BAD_REQUEST", "invalid");
  return err;
}
