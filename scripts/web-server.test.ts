import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEB_OLD_SPACE_MB, webServerArgs } from "./web-server";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const flag = `--max-old-space-size=${WEB_OLD_SPACE_MB}`;

/** Every way the production web server is started, as written in its file. */
const commands: [string, string][] = [
  [
    "package.json start:web",
    (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts["start:web"]!,
  ],
  [
    "apps/web start",
    (JSON.parse(read("apps/web/package.json")) as { scripts: Record<string, string> }).scripts.start!,
  ],
  ["Dockerfile CMD", /^CMD (.*)$/m.exec(read("Dockerfile"))![1]!],
  ["compose.yaml web", /\n {2}web:\n[\s\S]*?command: (.*)\n/.exec(read("compose.yaml"))![1]!],
  ["scripts/run.ts, the bench, the deployment test", webServerArgs(root).join(" ")],
];

describe("the production web server's memory bound", () => {
  it.each(commands)("%s bounds V8's old space before server.js", (_, command) => {
    const words = command.replace(/[[\]",]/g, " ").split(/\s+/);
    const server = words.findIndex((w) => w.endsWith("server.js"));
    expect(server).toBeGreaterThan(0);
    expect(words.slice(0, server)).toContain(flag);
  });

  it("is a bound this Node takes: the heap limit is the old space and the young generation", () => {
    const run = spawnSync(
      process.execPath,
      [flag, "-p", "require('node:v8').getHeapStatistics().heap_size_limit / 1048576"],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    const limit = Number(run.stdout.trim());
    expect(limit).toBeGreaterThanOrEqual(WEB_OLD_SPACE_MB);
    // The young generation (three semi-spaces of at most 64 MB) on top; together well under the 1 GB a process has.
    expect(limit).toBeLessThanOrEqual(WEB_OLD_SPACE_MB + 256);
  });
});
