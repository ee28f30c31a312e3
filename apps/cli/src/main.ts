/**
 * `innspill` — the operators' command line. Every command calls the same domain functions as the web app; each lives
 * in `commands/<name>.ts` and is listed in `commands/index.ts`. Output and the `--json` shape: see `context.ts`.
 * Exit codes: 0 ok, 1 failed, 2 bad usage.
 */
import { parseArgs } from "node:util";
import { COMMANDS, findCommand } from "./commands/index";
import {
  COMMON_OPTIONS,
  OPTIONS,
  UsageError,
  createOutput,
  describeError,
  type Command,
  type Values,
} from "./context";
import { actorFor, cluster, connect, locate, removeMade, type Made } from "./database";

const COMMON = `Felles valg: --json (maskinlesbart), --data-dir MAPPE (Innspills datamappe, den med postgres/ i; standard er
INNSPILL_DATA_DIR, ellers .data i installasjonen), --as E-POST (handle som denne brukeren; standard er første aktive
administrator).`;

const USAGE = `Bruk: innspill <kommando> [valg]

${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join("\n")}

${COMMON}`;

const usageOf = (command: Command | undefined) =>
  command ? `Bruk: innspill ${command.usage}\n\n${COMMON}` : USAGE;

const argv = process.argv.slice(2);
// The command is found before the strict parse, so that a bad option is answered with that command's usage.
const loose = (() => {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS }).positionals;
  } catch {
    return argv.filter((a) => !a.startsWith("-"));
  }
})();
const guessed = findCommand(loose);
let out = createOutput(guessed?.name ?? loose[0] ?? "", argv.includes("--json"));
let made: Made | null = null;

/** Node's parser's complaint, in Norwegian. */
function parseProblem(err: { code?: string; message: string }): string {
  const option = /'(-[^' ]+)/.exec(err.message)?.[1] ?? "";
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Ukjent valg: ${option}.`;
  if (/argument missing/.test(err.message)) return `Valget ${option} mangler en verdi.`;
  if (/ambiguous/.test(err.message))
    return `Valget ${option} mangler en verdi (det som følger, begynner med -; skriv ${option}=-… om verdien gjør det).`;
  if (/does not take an argument/.test(err.message)) return `Valget ${option} tar ingen verdi.`;
  return `Ugyldige valg: ${err.message}`;
}

async function main(): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>
  >;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    if (!(err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) throw err;
    throw new UsageError(parseProblem(err as Error), usageOf(guessed?.command));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) throw new UsageError(USAGE);
  const found = findCommand(positionals);
  if (!found) throw new UsageError(`Ukjent kommando: ${positionals.join(" ")}`, USAGE);
  out = createOutput(found.name, !!values.json);
  const allowed = new Set<string>([...COMMON_OPTIONS, ...found.command.options]);
  const stray = Object.keys(values).filter((k) => !allowed.has(k));
  if (stray.length)
    throw new UsageError(
      `${stray.map((k) => `--${k}`).join(", ")} gjelder ikke for «${found.name}».`,
      usageOf(found.command),
    );
  const { args } = found;
  // The data directory first: a wrong one is refused before anything else is looked at, made or changed.
  const where = locate(values["data-dir"], found.command.creates?.(values as Values) ?? false);
  await found.command.prepare?.({ args, values: values as Values, out });
  if (where.url === undefined) made = where.made;
  const { db, url } = await connect(where, { migrate: found.command.migrates ?? true, note: out.note });
  try {
    const ctx = { db, url, actor: null, args, values: values as Values, out };
    if (found.command.withoutActor && (await found.command.withoutActor(ctx))) return 0;
    return await found.command.run({ ...ctx, actor: await actorFor(db, values.as) });
  } finally {
    await db.$disconnect();
  }
}

let code: number;
try {
  code = await main();
} catch (err) {
  if (err instanceof UsageError) {
    const usage = err.usage ?? (err.message.includes("Bruk:") ? undefined : usageOf(guessed?.command));
    out.emit(
      false,
      { error: { code: "USAGE", message: err.message, ...(err.usage ? { usage: err.usage } : {}) } },
      usage ? `${err.message}\n\n${usage}` : err.message,
    );
    code = 2;
  } else {
    const e = describeError(err);
    out.emit(false, { error: e }, `Feil: ${e.message}`);
    code = 1;
  }
}
// A new installation made for a command that failed is taken away again: nothing is left half-made.
if (code !== 0 && made) {
  await removeMade(made);
  out.note(`Fjernet den nye installasjonen igjen, siden kommandoen feilet.`);
}
await cluster.embedded?.stop().catch(() => undefined);
// Into a pipe, stdout is written asynchronously: exiting at once would cut a long answer (100 imported letters'
// JSON) short. Exit once what was written has gone.
await Promise.all([process.stdout, process.stderr].map((s) => new Promise((done) => s.write("", done))));
process.exit(code);
