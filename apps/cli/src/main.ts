/**
 * `innspill` — the operators' command line. Every command calls the same domain functions as the web app; each lives
 * in `commands/<name>.ts` and is listed in `commands/index.ts`. Output and the `--json` shape: see `context.ts`.
 * Exit codes: 0 ok, 1 failed, 2 bad usage.
 */
import { parseArgs } from "node:util";
import { COMMANDS, findCommand } from "./commands/index";
import { OPTIONS, UsageError, createOutput, describeError, type Values } from "./context";
import { actorFor, cluster, connect } from "./database";

const USAGE = `Bruk: innspill <kommando> [valg]

${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join("\n")}

Felles valg: --json (maskinlesbart), --data-dir MAPPE (innebygd database), --as E-POST (handle som denne brukeren;
standard er første aktive administrator).`;

const argv = process.argv.slice(2);
let out = createOutput(argv.filter((a) => !a.startsWith("-"))[0] ?? "", argv.includes("--json"));

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: OPTIONS,
  });
  if (values.help || positionals.length === 0) throw new UsageError(USAGE);
  const found = findCommand(positionals);
  if (!found) throw new UsageError(`Ukjent kommando: ${positionals.join(" ")}\n\n${USAGE}`);
  out = createOutput(found.name, !!values.json);
  const { db, url } = await connect(values["data-dir"]);
  try {
    const ctx = { db, url, actor: null, args: found.args, values: values as Values, out };
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
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    const message =
      err instanceof UsageError && !err.message.includes("Bruk:")
        ? `${err.message}\n\n${USAGE}`
        : (err as Error).message;
    out.emit(false, { error: { code: "USAGE", message: (err as Error).message } }, message);
    code = 2;
  } else {
    const e = describeError(err);
    out.emit(false, { error: e }, `Feil: ${e.message}`);
    code = 1;
  }
}
await cluster.embedded?.stop().catch(() => undefined);
// Into a pipe, stdout is written asynchronously: exiting at once would cut a long answer (100 imported letters'
// JSON) short. Exit once what was written has gone.
await Promise.all([process.stdout, process.stderr].map((s) => new Promise((done) => s.write("", done))));
process.exit(code);
