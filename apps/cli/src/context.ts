/**
 * What every command gets, and how it answers. Output is readable text by default; with `--json` one JSON object on
 * stdout:
 *   { "ok": true,  "command": "<command>", "result": { … } }
 *   { "ok": false, "command": "<command>", "error": { "code": "<code>", "message": "<text>" }, "result"?: { … } }
 */
import type { Db } from "@innspill/db";
import { isAppError, toAppError, type Actor } from "@innspill/domain";

export class UsageError extends Error {}

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
  help: { type: "boolean", short: "h" },
} as const;

export type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string;
};

export interface Output {
  json: boolean;
  emit(ok: boolean, body: Record<string, unknown>, human: string): void;
  progress(done: number, total: number, label: string): void;
}

export interface CommandContext {
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
  /** Runs without an acting user (an empty installation). */
  withoutActor?: (ctx: CommandContext) => Promise<boolean>;
  run(ctx: CommandContext & { actor: Actor }): Promise<number>;
}

export function needs(ok: boolean, message: string): asserts ok {
  if (!ok) throw new UsageError(message);
}

export function describeError(thrown: unknown): { code: string; message: string } {
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
  };
}
