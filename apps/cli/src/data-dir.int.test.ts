/**
 * A wrong `--data-dir` never harms an installation: run as an operator would, against a real embedded installation
 * in a data directory of its own (the layout `npm start` makes: `<dir>/postgres` and `<dir>/postgres-password`).
 * The PostgreSQL folder itself, a folder inside it and a typo are refused with a Norwegian message naming the right
 * path; nothing is made, no folder changes its mode, and the installation starts as before.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, "../bin/innspill.mjs");
const tmp = mkdtempSync(path.join(tmpdir(), "innspill-data-dir-"));
// Ours: as root, the `postgres` user that runs the embedded server must pass through it (mkdtemp makes it 0700).
chmodSync(tmp, 0o711);
const dataDir = path.join(tmp, "data");
const clusterDir = path.join(dataDir, "postgres");

function innspill(...args: string[]) {
  // No DATABASE_URL: the embedded database of the data directory, as on an operator's server.
  const res = spawnSync(process.execPath, [BIN, ...args, "--json"], {
    env: { PATH: "/usr/bin:/bin" },
    encoding: "utf8",
    timeout: 120_000,
  });
  const line = res.stdout.trim().split("\n").at(-1) ?? "";
  return {
    code: res.status ?? -1,
    json: (line.startsWith("{") ? JSON.parse(line) : null) as {
      ok: boolean;
      result?: Record<string, unknown>;
      error?: { code: string; message: string };
    },
    stderr: res.stderr,
  };
}

/**
 * Everything about the installation a wrong command could change: every path under the test's folder (outside the
 * cluster; the cluster's own top level), and the mode and owner of each folder on the way.
 */
function snapshot() {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = path.join(dir, entry.name);
      paths.push(path.relative(tmp, p));
      if (entry.isDirectory() && p !== clusterDir) walk(p);
    }
  };
  walk(tmp);
  const modes = Object.fromEntries(
    [tmp, dataDir, clusterDir, path.join(dataDir, "postgres-password")].map((p) => {
      const s = statSync(p);
      return [path.relative(tmp, p) || ".", `${(s.mode & 0o7777).toString(8)} ${s.uid}:${s.gid}`];
    }),
  );
  return { paths, cluster: readdirSync(clusterDir).sort(), modes };
}

beforeAll(() => {
  const first = innspill(
    "users",
    "add",
    "--data-dir",
    dataDir,
    "--organisation",
    "Testforbundet",
    "--name",
    "Første Admin",
    "--email",
    "admin@test.no",
    "--role",
    "ADMIN",
    "--password",
    "et-langt-passord",
  );
  expect(first.code, first.stderr).toBe(0);
  // The command that made the installation said so.
  expect(first.stderr).toContain(`Ingen installasjon i ${dataDir}: lager en ny`);
}, 120_000);
// Every command has stopped the cluster it started: the folder can go.
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("innspill with a wrong --data-dir", () => {
  it("refuses the PostgreSQL folder itself, and a folder inside it, naming the data directory", () => {
    const before = snapshot();
    expect(before.modes["data/postgres"]).toMatch(/^700 /);
    const out = path.join(tmp, "b.gz");

    const cluster = innspill("backup", "--out", out, "--data-dir", clusterDir);
    expect(cluster.code).toBe(1);
    expect(cluster.json.error).toEqual({
      code: "DATA_DIR",
      message: `${clusterDir} ser ut som selve PostgreSQL-mappen (den har PG_VERSION); bruk --data-dir ${dataDir}.`,
    });
    const inside = innspill("backup", "--out", out, "--data-dir", path.join(clusterDir, "base"));
    expect(inside.code).toBe(1);
    expect(inside.json.error!.message).toContain(
      `ligger inne i PostgreSQL-mappen ${clusterDir}; bruk --data-dir ${dataDir}`,
    );
    // Commands that could make an installation refuse it too.
    const restore = innspill("restore", BIN, "--yes", "--data-dir", clusterDir);
    expect(restore.json.error!.message).toContain("ser ut som selve PostgreSQL-mappen");
    const bootstrap = innspill(
      "users",
      "add",
      "--data-dir",
      clusterDir,
      "--organisation",
      "X",
      "--name",
      "X",
      "--email",
      "x@test.no",
      "--role",
      "ADMIN",
      "--password",
      "et-langt-passord",
    );
    expect(bootstrap.json.error!.message).toContain("ser ut som selve PostgreSQL-mappen");

    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(clusterDir, "postgres"))).toBe(false);
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it("refuses a mistyped data directory, makes nothing, and names where an installation lives", () => {
    const before = snapshot();
    const typo = path.join(tmp, "dta");
    const out = path.join(tmp, "b.gz");
    const backup = innspill("backup", "--out", out, "--data-dir", typo);
    expect(backup.code).toBe(1);
    expect(backup.json.error!.code).toBe("DATA_DIR");
    expect(backup.json.error!.message).toMatch(
      new RegExp(`^Fant ingen Innspill-installasjon i ${typo} \\(mappen finnes ikke\\)\\. .*--data-dir`),
    );
    // A command that acts as a user does not get as far as «no administrator».
    const deactivate = innspill("users", "deactivate", "--email", "admin@test.no", "--data-dir", typo);
    expect(deactivate.json.error!.message).toMatch(/^Fant ingen Innspill-installasjon/);
    // `users add` without --organisation is not the first administrator: it makes nothing either.
    const add = innspill(
      "users",
      "add",
      "--data-dir",
      typo,
      "--name",
      "X",
      "--email",
      "x@test.no",
      "--role",
      "ADVISER",
      "--password",
      "et-langt-passord",
    );
    expect(add.json.error!.message).toMatch(/^Fant ingen Innspill-installasjon/);
    // An existing folder that is no installation: the same, and it stays as it was.
    const other = innspill("backup", "--out", out, "--data-dir", tmp);
    expect(other.json.error!.message).toMatch(new RegExp(`^Fant ingen Innspill-installasjon i ${tmp}\\. `));

    expect(existsSync(typo)).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it("leaves the installation starting as before, with every folder's mode as it was", () => {
    const before = snapshot();
    const out = path.join(tmp, "ok.gz");
    const backup = innspill("backup", "--out", out, "--data-dir", dataDir);
    expect(backup.code, backup.stderr).toBe(0);
    const tables = backup.json.result!.tables as { table: string; rows: number }[];
    expect(tables.find((t) => t.table === "Organisation")!.rows).toBe(1);
    expect(tables.find((t) => t.table === "User")!.rows).toBe(1);
    const after = snapshot();
    expect(after.modes).toEqual(before.modes);
    expect(after.paths).toEqual([...before.paths, "ok.gz"].sort());
  }, 120_000);

  it("says why a PostgreSQL folder with the wrong mode does not start, and how to repair it", () => {
    chmodSync(clusterDir, 0o701);
    try {
      const res = innspill("backup", "--out", path.join(tmp, "x.gz"), "--data-dir", dataDir);
      expect(res.code).toBe(1);
      expect(res.json.error).toEqual({
        code: "DATA_DIR",
        message:
          `PostgreSQL-mappen ${clusterDir} har tilgangene 0701, men PostgreSQL krever 0700 (eller 0750) og starter ` +
          `ikke. Reparer med: chmod 700 ${clusterDir}`,
      });
    } finally {
      chmodSync(clusterDir, 0o700);
    }
  }, 120_000);

  it("takes away a new installation again when the command that made it fails", () => {
    const fresh = path.join(tmp, "ny");
    const res = innspill(
      "users",
      "add",
      "--data-dir",
      fresh,
      "--organisation",
      "X",
      "--name",
      "X",
      "--email",
      "x@test.no",
      "--role",
      "ADMIN",
      "--password",
      "kort",
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("Fjernet den nye installasjonen igjen");
    expect(existsSync(fresh)).toBe(false);
  }, 120_000);
});
