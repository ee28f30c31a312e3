import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `.npmrc` sets `engine-strict`: on a Node older than `engines` (the machines' Node 20), `npm install` stops at
 * once with the version it needs, before it downloads anything, instead of warning and failing later in a build.
 */
const OLD_NODE = "/usr/bin/node";
const version = existsSync(OLD_NODE) ? spawnSync(OLD_NODE, ["-v"], { encoding: "utf8" }).stdout.trim() : "";
const old = /^v(\d+)\./.exec(version) && Number(/^v(\d+)\./.exec(version)![1]) < 24;
// The npm on PATH (the one a newcomer types), run on the old Node.
const npmOnPath = spawnSync("sh", ["-c", "command -v npm"], { encoding: "utf8" }).stdout.trim();
const npmCli = npmOnPath ? realpathSync(npmOnPath) : "";

describe("an install on an older Node", () => {
  it.skipIf(!old || !npmCli)(
    `stops at once, saying Node ≥ 24.11 is needed (${version})`,
    () => {
      const root = path.resolve(import.meta.dirname, "..");
      const run = spawnSync(OLD_NODE, [npmCli, "install", "--dry-run", "--ignore-scripts", "--no-audit"], {
        cwd: root,
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain("EBADENGINE");
      expect(run.stderr).toContain('"node":">=24.11.0"');
    },
    120_000,
  );
});
