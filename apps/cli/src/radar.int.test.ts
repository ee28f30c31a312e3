/**
 * `innspill radar poll` and `innspill radar list` as a real process against a local server serving Stortinget's
 * recorded responses (packages/domain/src/radar/fixtures); the configured source is that server, so nothing reaches
 * the internet.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, "../bin/innspill.mjs");
const FIXTURES = path.resolve(here, "../../../packages/domain/src/radar/fixtures");

let t: TestDatabase;
let server: Server;
let base: string;
let failing = false;

beforeAll(async () => {
  ({ t } = await createDemoDatabase({ content: true }));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const file =
      url.pathname === "/eksport/sesjoner"
        ? "stortinget-sesjoner.xml"
        : url.pathname === "/eksport/horinger"
          ? "stortinget-horinger.xml"
          : url.pathname === "/eksport/sak"
            ? `stortinget-sak-${url.searchParams.get("sakid")}.xml`
            : null;
    if (failing || !file) return void res.writeHead(failing ? 503 : 404).end();
    res.writeHead(200, { "content-type": "text/xml" }).end(readFileSync(path.join(FIXTURES, file)));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  server?.close();
  await t?.close();
});

/** Async (the server answers in this process), with the radar pointed at the local server. */
function innspill(...args: string[]) {
  return new Promise<{ code: number; json: { ok: boolean; result?: unknown; error?: { code: string } } }>(
    (resolve) => {
      const child = spawn(process.execPath, [BIN, ...args, "--json"], {
        env: {
          DATABASE_URL: t.url,
          PATH: "/usr/bin:/bin",
          RADAR_POLLING: "1",
          RADAR_STORTINGET_URL: base,
          RADAR_REGJERINGEN_URL: base,
          RADAR_RETRIES: "0",
          RADAR_TIMEOUT_MS: "2000",
        },
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.on("close", (code) =>
        resolve({ code: code ?? -1, json: JSON.parse(out.trim().split("\n").at(-1) ?? "null") }),
      );
    },
  );
}

describe("innspill radar", () => {
  it("polls Stortinget and lists the suggestions with their reasons; a failing source exits 1", async () => {
    const poll = await innspill("radar", "poll", "--source", "stortinget");
    expect(poll.code).toBe(0);
    expect(poll.json).toMatchObject({
      ok: true,
      result: [{ source: "stortinget", ok: true, seen: 4, created: 3 }],
    });
    const list = await innspill("radar", "list");
    expect(list.code).toBe(0);
    const items = list.json.result as { sourceRef: string; reason: string; score: number }[];
    expect(items.map((i) => i.sourceRef)).toEqual(["horing:11001", "horing:11002", "horing:11003"]);
    expect(items[0]!.reason).toMatch(/^Berører \d standpunkt/);
    failing = true;
    try {
      const bad = await innspill("radar", "poll", "--source", "stortinget");
      expect(bad.code).toBe(1);
      expect(bad.json).toMatchObject({ ok: false, error: { code: "SOURCE_FAILED" } });
    } finally {
      failing = false;
    }
    expect((await innspill("radar", "poll", "--source", "nope")).json).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
  }, 120_000);
});
