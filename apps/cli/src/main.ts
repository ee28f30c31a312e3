/**
 * `innspill` — the operators' command line. Every command calls the same domain functions as the web app.
 *
 * Output is readable text by default; with `--json` one JSON object on stdout:
 *   { "ok": true,  "command": "<command>", "result": { … } }
 *   { "ok": false, "command": "<command>", "error": { "code": "<code>", "message": "<text>" }, "result"?: { … } }
 * Exit codes: 0 ok, 1 failed, 2 bad usage.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "@innspill/db";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "@innspill/db/embedded";
import { migrateDeploy } from "@innspill/db/migrate";
import {
  commitLetterImport,
  commitPlatformImport,
  bootstrapInstallation,
  createUser,
  docxText,
  exportNoark,
  getRenderFile,
  getActiveActor,
  isAppError,
  proposeLetterImport,
  proposePlatformImport,
  requestRender,
  resetUserPassword,
  setUserActive,
  verifyDocument,
  type Actor,
} from "@innspill/domain";
import { renderSubmissionFiles } from "@innspill/domain/render";
import { env } from "./env";

class UsageError extends Error {}

const USAGE = `Bruk: innspill <kommando> [valg]

  import platform <fil.txt|docx> [--source NAVN] [--dry-run]
  import letter <fil.txt|docx|pdf>… [--hearing ID | --issuing-body NAVN] [--date ÅÅÅÅ-MM-DD] [--dry-run]
  render <innspill-id> --out MAPPE
  verify <fil.pdf>
  export noark <høring-id> --out MAPPE
  users add --name NAVN --email E-POST --role ADVISER|LEADER|ADMIN --password PASSORD
            [--organisation NAVN]   (i en tom installasjon: den første administratoren)
  users deactivate --email E-POST
  users reset-password --email E-POST --password PASSORD

Felles valg: --json (maskinlesbart), --data-dir MAPPE (innebygd database), --as E-POST (handle som denne brukeren;
standard er første aktive administrator).`;

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const command = argv
  .filter((a) => !a.startsWith("-"))
  .slice(0, 2)
  .join(" ");

function emit(ok: boolean, body: Record<string, unknown>, human: string) {
  if (json) process.stdout.write(`${JSON.stringify({ ok, command, ...body })}\n`);
  else (ok ? process.stdout : process.stderr).write(`${human}\n`);
}

/** A progress bar on a terminal; nothing in a pipe or with --json. */
function progress(done: number, total: number, label: string) {
  if (json || !process.stderr.isTTY) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
  );
  if (done === total) process.stderr.write("\n");
}

const cluster: { embedded: EmbeddedDatabase | null } = { embedded: null };

/** The app's database: DATABASE_URL, or the embedded cluster in the data directory (joined if it is running). */
async function connect(dataDir: string): Promise<Db> {
  let url = env.DATABASE_URL;
  if (!url) {
    const pgDir = path.join(path.resolve(dataDir), "postgres");
    const pidFile = path.join(pgDir, "postmaster.pid");
    const running = existsSync(pidFile) ? readFileSync(pidFile, "utf8").split("\n") : null;
    const alive = (() => {
      try {
        return running ? (process.kill(Number(running[0]), 0), true) : false;
      } catch {
        return false;
      }
    })();
    if (alive && running?.[3]) url = `postgresql://postgres:postgres@127.0.0.1:${running[3].trim()}/innspill`;
    else {
      const embedded = await startEmbeddedPostgres({ dataDir: pgDir });
      cluster.embedded = embedded;
      await ensureDatabase(embedded.adminUrl, "innspill");
      url = embedded.urlFor("innspill");
      await migrateDeploy(url);
    }
  }
  return createDb(url);
}

async function actorFor(db: Db, email: string | undefined): Promise<Actor> {
  const user = email
    ? await db.user.findUnique({ where: { email: email.toLowerCase() } })
    : await db.user.findFirst({ where: { role: "ADMIN", active: true }, orderBy: { createdAt: "asc" } });
  const actor = user ? await getActiveActor(db, user.id) : null;
  if (!actor)
    throw new UsageError(email ? `Fant ingen aktiv bruker ${email}.` : "Fant ingen aktiv administrator.");
  return actor;
}

const fileInput = (file: string) => ({
  name: path.basename(file),
  content: readFileSync(file).toString("base64"),
});

async function readText(file: string): Promise<string> {
  return file.toLowerCase().endsWith(".docx") ? docxText(readFileSync(file)) : readFileSync(file, "utf8");
}

function describeError(err: unknown): { code: string; message: string } {
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

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
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
      help: { type: "boolean", short: "h" },
    },
  });
  const [cmd, sub, ...args] = positionals;
  if (values.help || !cmd) throw new UsageError(USAGE);
  const needs = (ok: boolean, message: string) => {
    if (!ok) throw new UsageError(`${message}\n\n${USAGE}`);
  };
  const known = [
    "import platform",
    "import letter",
    "render",
    "verify",
    "export noark",
    "users add",
    "users deactivate",
    "users reset-password",
  ];
  needs(
    known.includes(cmd === "render" || cmd === "verify" ? cmd : `${cmd} ${sub}`),
    `Ukjent kommando: ${positionals.join(" ")}`,
  );

  const db = await connect(values["data-dir"] ?? env.INNSPILL_DATA_DIR);
  try {
    // An empty installation: the first administrator and the organisation.
    if (cmd === "users" && sub === "add" && (await db.user.count()) === 0) {
      needs(
        !!values.organisation,
        "Installasjonen er tom: oppgi også --organisation NAVN for den første administratoren.",
      );
      const user = await bootstrapInstallation(db, {
        organisation: values.organisation,
        name: values.name,
        email: values.email,
        role: values.role,
        password: values.password,
      });
      emit(
        true,
        { result: { id: user.id, email: user.email, role: user.role, organisation: user.organisation } },
        `La til ${user.email} som første administrator for ${user.organisation.name}.`,
      );
      return 0;
    }
    const actor = await actorFor(db, values.as);

    if (cmd === "import" && sub === "platform") {
      needs(args.length === 1, "Oppgi én fil.");
      const text = await readText(args[0]!);
      const proposal = proposePlatformImport(
        { text, source: values.source ?? path.basename(args[0]!) },
        actor,
      );
      const summary = {
        blocks: proposal.blocks.map((b) => ({
          heading: b.heading,
          positions: b.parts.flatMap((p) => (p.kind === "positions" ? p.statements : [])),
        })),
      };
      const positions = summary.blocks.reduce((n, b) => n + b.positions.length, 0);
      if (values["dry-run"]) {
        emit(
          true,
          { result: { dryRun: true, ...summary } },
          [
            `Forslag (ingenting er lagret): ${summary.blocks.length} tekstblokker, ${positions} standpunkter`,
            ...summary.blocks.map((b) => `  ${b.heading} (${b.positions.length})`),
          ].join("\n"),
        );
        return 0;
      }
      await commitPlatformImport(
        db,
        { source: values.source ?? path.basename(args[0]!), blocks: proposal.blocks },
        actor,
      );
      emit(
        true,
        { result: { dryRun: false, blocks: summary.blocks.length, positions } },
        `Lagret ${summary.blocks.length} tekstblokker og ${positions} standpunkter.`,
      );
      return 0;
    }

    if (cmd === "import" && sub === "letter") {
      needs(args.length >= 1, "Oppgi minst én fil.");
      needs(
        !!values["dry-run"] || !!values.hearing || !!values["issuing-body"],
        "Uten --dry-run trengs --hearing ID eller --issuing-body NAVN.",
      );
      const body = values["issuing-body"]
        ? await db.issuingBody.findFirst({
            where: { organisationId: actor.organisationId, name: values["issuing-body"] },
          })
        : null;
      if (values["issuing-body"] && !body) throw new UsageError(`Ukjent avsender: ${values["issuing-body"]}`);
      const files: Record<string, unknown>[] = [];
      let failed = 0;
      for (const [n, file] of args.entries()) {
        progress(n, args.length, path.basename(file));
        try {
          const { proposal, sections, statements } = await proposeLetterImport(
            db,
            { file: fileInput(file) },
            actor,
          );
          const parts = {
            title: proposal.title,
            place: proposal.place,
            date: proposal.date,
            sections: proposal.sections.map((s) => s.heading),
            footnotes: proposal.footnotes.length,
            statements: proposal.statements.length,
            signatories: proposal.signatories,
          };
          const links = [
            ...sections.flatMap((s) =>
              s.matches.slice(0, 1).map((m) => ({
                kind: "block",
                of: s.heading,
                id: m.id,
                versionId: m.versionId,
                title: m.title,
                score: m.score,
                label: m.label,
              })),
            ),
            ...statements.flatMap((s) =>
              s.matches.slice(0, 1).map((m) => ({
                kind: "position",
                of: s.text,
                id: m.id,
                title: m.title,
                score: m.score,
                label: m.label,
              })),
            ),
          ];
          if (values["dry-run"]) {
            files.push({ file, ok: true, parts, links });
            continue;
          }
          const date = values.date ?? proposal.date;
          if (!date) throw new Error("Brevet har ingen dato. Oppgi --date ÅÅÅÅ-MM-DD.");
          const saved = await commitLetterImport(
            db,
            {
              proposal: { ...proposal, date },
              ...(values.hearing
                ? { hearingId: values.hearing }
                : { newHearing: { title: proposal.title, issuingBodyId: body!.id } }),
              sourceName: path.basename(file),
              positionLinks: statements.flatMap((s) =>
                s.matches[0] ? [{ positionId: s.matches[0].id, wording: s.text }] : [],
              ),
              blockLinks: proposal.sections.flatMap((s, i) =>
                sections[i]?.matches[0]?.versionId
                  ? [
                      {
                        blockVersionId: sections[i]!.matches[0]!.versionId!,
                        wording: s.paragraphs.map((p) => p.text).join("\n"),
                      },
                    ]
                  : [],
              ),
              newPositions: [],
            },
            actor,
          );
          files.push({ file, ok: true, parts, links, saved });
        } catch (err) {
          failed++;
          files.push({ file, ok: false, error: describeError(err) });
        }
      }
      progress(args.length, args.length, "ferdig");
      const human = files
        .map((f) => {
          if (!f.ok) return `✗ ${f.file}: ${(f.error as { message: string }).message}`;
          const p = f.parts as {
            title: string;
            date: string | null;
            sections: (string | null)[];
            footnotes: number;
            signatories: { name: string; title: string | null }[];
          };
          const links = f.links as { kind: string; title: string; score: number; label: string }[];
          return [
            `✓ ${f.file}: «${p.title}» ${p.date ?? "(uten dato)"}, ${p.sections.length} deler, ${p.footnotes} fotnoter`,
            `  underskrivere: ${p.signatories.map((s) => `${s.name}${s.title ? ` (${s.title})` : ""}`).join(", ") || "—"}`,
            ...links.map(
              (l) =>
                `  ${l.kind === "block" ? "blokk" : "standpunkt"} ${l.label} ${Math.round(l.score * 100)} %: ${l.title.slice(0, 70)}`,
            ),
            values["dry-run"] ? "  (tørrkjøring: ingenting er lagret)" : "  lagret",
          ].join("\n");
        })
        .join("\n");
      const result = { dryRun: !!values["dry-run"], files, imported: files.length - failed, failed };
      if (failed) {
        emit(
          false,
          { error: { code: "SOME_FAILED", message: `${failed} av ${files.length} filer feilet` }, result },
          human,
        );
        return 1;
      }
      emit(true, { result }, human);
      return 0;
    }

    if (cmd === "render") {
      needs(!!sub && !!values.out, "Oppgi innspill-id og --out MAPPE.");
      const { render, enqueue } = await requestRender(db, { id: sub }, actor);
      if (enqueue) await renderSubmissionFiles(db, render);
      mkdirSync(values.out!, { recursive: true });
      const out: Record<string, { path: string; sha256: string; size: number }> = {};
      for (const kind of ["pdf", "docx"] as const) {
        const file = await getRenderFile(db, { id: render.id, kind }, actor);
        const target = path.join(values.out!, file.filename);
        writeFileSync(target, file.content);
        out[kind] = { path: target, sha256: file.sha256, size: file.size };
      }
      emit(
        true,
        { result: { submissionId: sub, snapshotSha256: render.snapshotSha256, ...out } },
        `${out.pdf!.path}\n  SHA-256 ${out.pdf!.sha256}\n${out.docx!.path}\n  SHA-256 ${out.docx!.sha256}`,
      );
      return 0;
    }

    if (cmd === "verify") {
      needs(!!sub, "Oppgi en PDF-fil.");
      const result = await verifyDocument(db, readFileSync(sub!));
      if (!result.valid) {
        emit(
          false,
          {
            error: { code: "NOT_GENUINE", message: "Ikke et Innspill-dokument, eller endret etterpå." },
            result,
          },
          `✗ Ikke et Innspill-dokument, eller endret etter at det ble laget (SHA-256 ${result.sha256} er ukjent).`,
        );
        return 1;
      }
      emit(
        true,
        { result },
        [
          `✓ ${result.signed ? "Signert" : "Usignert"} Innspill-dokument: «${result.title}» (${result.hearing})`,
          `  innspill ${result.submissionId}, innhold ${result.snapshotSha256}`,
          ...result.signatures.map((s) => `  signert av ${s.name} ${new Date(s.at).toISOString()}`),
        ].join("\n"),
      );
      return 0;
    }

    if (cmd === "export" && sub === "noark") {
      needs(args.length === 1 && !!values.out, "Oppgi høring-id og --out MAPPE.");
      const pkg = await exportNoark(db, { id: args[0] }, actor);
      for (const f of pkg.files) {
        const target = path.join(values.out!, f.path);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, f.bytes);
      }
      emit(
        true,
        {
          result: {
            out: values.out,
            files: pkg.files.map((f) => ({ path: f.path, size: f.bytes.byteLength })),
          },
        },
        `Skrev ${pkg.files.length} filer til ${values.out} (arkivstruktur.xml, arkivstruktur.xsd og dokumentene).`,
      );
      return 0;
    }

    if (cmd === "users") {
      needs(!!values.email, "Oppgi --email.");
      if (sub === "add") {
        const user = await createUser(
          db,
          { name: values.name, email: values.email, role: values.role, password: values.password },
          actor,
        );
        emit(
          true,
          { result: { id: user.id, email: user.email, role: user.role } },
          `La til ${user.email} (${user.role}).`,
        );
        return 0;
      }
      const user = await db.user.findUnique({ where: { email: values.email!.toLowerCase() } });
      if (!user) throw new UsageError(`Fant ingen bruker ${values.email}.`);
      if (sub === "deactivate") {
        await setUserActive(db, { userId: user.id }, actor, false);
        emit(
          true,
          { result: { id: user.id, email: user.email, active: false } },
          `Deaktiverte ${user.email}.`,
        );
        return 0;
      }
      await resetUserPassword(db, { userId: user.id, password: values.password }, actor);
      emit(true, { result: { id: user.id, email: user.email } }, `Nytt passord satt for ${user.email}.`);
      return 0;
    }
    throw new UsageError(USAGE);
  } finally {
    await db.$disconnect();
  }
}

let code: number;
try {
  code = await main();
} catch (err) {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    emit(false, { error: { code: "USAGE", message: (err as Error).message } }, (err as Error).message);
    code = 2;
  } else {
    const e = describeError(err);
    emit(false, { error: e }, `Feil: ${e.message}`);
    code = 1;
  }
}
await cluster.embedded?.stop().catch(() => undefined);
process.exit(code);
