/**
 * What every command gets, and how it answers. Output is readable text by default; with `--json` one JSON object on
 * stdout:
 *   { "ok": true,  "command": "<command>", "result": { … } }
 *   { "ok": false, "command": "<command>", "error": { "code": "<code>", "message": "<text>" }, "result"?: { … } }
 */
import type { Db } from "@innspill/db";
import { BackupError } from "@innspill/db/backup";
import { DataDirError } from "@innspill/db/embedded";
import { isAppError, toAppError, type Actor } from "@innspill/domain";

/** Bad usage (exit 2); `usage` is the text that shows the right use, shown with the message. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** The options every command may be given (`node:util` parseArgs). */
export const OPTIONS = {
  json: { type: "boolean" },
  "dry-run": { type: "boolean" },
  "data-dir": { type: "string" },
  as: { type: "string" },
  source: { type: "string" },
  hearing: { type: "string" },
  "issuing-body": { type: "string" },
  date: { type: "string" },
  out: { type: "string" },
  name: { type: "string" },
  email: { type: "string" },
  role: { type: "string" },
  password: { type: "string" },
  organisation: { type: "string" },
  year: { type: "string" },
  interim: { type: "boolean" },
  from: { type: "string" },
  to: { type: "string" },
  yes: { type: "boolean" },
  "allow-empty": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  format: { type: "string" },
} as const;

/** The options every command takes; the others only where a command lists them. */
export const COMMON_OPTIONS = ["json", "data-dir", "as", "help"] as const;

type OptionName = keyof typeof OPTIONS;

export type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string;
};

export interface Output {
  json: boolean;
  emit(ok: boolean, body: Record<string, unknown>, human: string): void;
  progress(done: number, total: number, label: string): void;
  /** A line for the person at the terminal (stderr, also with --json): what the command did besides its answer. */
  note(text: string): void;
}

interface CommandContext {
  db: Db;
  /** The database's address (for backup and restore, which speak PostgreSQL's COPY directly). */
  url: string;
  /** Null only for commands that run before there is any user (the first `users add`). */
  actor: Actor | null;
  args: string[];
  values: Values;
  out: Output;
}

export interface Command {
  /** One line for the usage text. */
  usage: string;
  /** The options it takes besides the common ones (COMMON_OPTIONS); any other is refused with its usage. */
  options: OptionName[];
  /**
   * Whether it may make a new installation (an embedded cluster) where there is none. Commands that only read or
   * change an installation never do: a mistyped --data-dir is refused instead.
   */
  creates?: (values: Values) => boolean;
  /** Whether the embedded database it starts gets the pending migrations first (default: yes). */
  migrates?: boolean;
  /** Checks that need no database, run before any is opened or made (e.g. the file a restore reads). */
  prepare?: (ctx: Pick<CommandContext, "args" | "values" | "out">) => Promise<void>;
  /** Runs without an acting user (an empty installation). */
  withoutActor?: (ctx: CommandContext) => Promise<boolean>;
  run(ctx: CommandContext & { actor: Actor }): Promise<number>;
}

export function needs(ok: boolean, message: string): asserts ok {
  if (!ok) throw new UsageError(message);
}

export function describeError(thrown: unknown): { code: string; message: string } {
  // The data directory or a backup file is not what the command needs: the message says why and what to do.
  if (thrown instanceof DataDirError) return { code: "DATA_DIR", message: thrown.message };
  if (thrown instanceof BackupError) return { code: "BACKUP", message: thrown.message };
  const err = toAppError(thrown);
  if (isAppError(err)) {
    const fields = err.fieldErrors
      ? ` (${Object.entries(err.fieldErrors)
          .map(([k, v]) => `${k}: ${v.join(", ")}`)
          .join("; ")})`
      : "";
    return { code: err.code, message: `${err.message}${fields}` };
  }
  return { code: "ERROR", message: (err as Error).message };
}

export function createOutput(command: string, json: boolean): Output {
  return {
    json,
    emit(ok, body, human) {
      if (json) process.stdout.write(`${JSON.stringify({ ok, command, ...body })}\n`);
      else (ok ? process.stdout : process.stderr).write(`${human}\n`);
    },
    /** A progress bar on a terminal; nothing in a pipe or with --json. */
    progress(done, total, label) {
      if (json || !process.stderr.isTTY) return;
      const width = 24;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
      );
      if (done === total) process.stderr.write("\n");
    },
    note(text) {
      process.stderr.write(`${text}\n`);
    },
  };
}
