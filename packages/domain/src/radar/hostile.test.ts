/**
 * Hostile answers from the radar's sources, served by a real HTTP server: what Stortinget or regjeringen.no send is
 * parsed in the bounded child process (read.ts), so a page that would take the parser's memory, time or stack is
 * refused with a reason and the others are read, while this process (the worker, or the web server for a pasted
 * address) holds nothing but the bytes.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deepHtmlPage, deepStortingetXml, wideHtmlPage } from "../imports/hostile-files";
import { radarConfig, type RadarConfig } from "./config";
import { SourceError } from "./fetch";
import { pollRegjeringen, readRegjeringenHearing } from "./regjeringen";
import { pollStortinget } from "./stortinget";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const LIST = "/no/dokument/hoyringar/id1763/";
const FIRST = "/no/dokumenter/horing-ingeniorutdanning/id3170001/";
const SECOND = "/no/dokumenter/horing-fiskeriforskrift/id3170002/";

/** What the server answers, by path; set by each test. */
let pages: Record<string, Buffer> = {};
let server: Server;
let config: RadarConfig;

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = pages[req.url ?? ""];
    if (!body) return void res.writeHead(404).end();
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  config = radarConfig({
    stortingetUrl: base,
    regjeringenUrl: base,
    timeoutMs: 5_000,
    maxBytes: 8 * 1024 * 1024,
    retries: 0,
    enabled: true,
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs `fn`, sampling this process's resident memory; returns its result and how much the memory grew at most. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; grew: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    return { value: await fn(), grew: peak - before };
  } finally {
    clearInterval(watch);
  }
}

// Generous: each page is a child process, and the machine may be busy.
describe("hostile pages from the radar's sources", { timeout: 60_000 }, () => {
  it("skips a hearing page of half a million elements with its reason, and reads the honest one", async () => {
    // 4.5 MB (under the size limit) that node-html-parser makes into more than half a gigabyte of tree.
    pages = {
      [LIST]: fixture("regjeringen-liste.html"),
      [FIRST]: wideHtmlPage(500_000),
      [SECOND]: fixture("regjeringen-id3170002.html"),
    };
    const { value: read, grew } = await measured(() =>
      pollRegjeringen(config, {}, { today: "2026-12-07", needsDetail: () => true }),
    );
    expect(read.hearings!.map((h) => h.sourceRef)).toEqual(["id3170002"]);
    expect(read.skipped).toHaveLength(1);
    const [reason] = read.skipped!;
    expect(reason).toContain("Siden kunne ikke leses: for stor (over minnegrensen).");
    expect(reason).toContain(FIRST);
    // The page's tree was the child's: this process held the 4.5 MB and the answer.
    expect(grew).toBeLessThan(150 * 1024 * 1024);
  });

  it("refuses a pasted hearing page nested 100 000 deep, with the reason", async () => {
    pages = { [FIRST]: deepHtmlPage(100_000) };
    const err = await readRegjeringenHearing(`${config.regjeringenUrl}${FIRST}`, "id3170001", config).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).code).toBe("unreadable");
    expect((err as SourceError).message).toContain("Siden kunne ikke leses: for stor");
  });

  it("refuses Stortinget's answer nested 500 000 deep as not its format, and reads nothing of it", async () => {
    pages = { "/eksport/sesjoner": deepStortingetXml("sesjoner_oversikt", 500_000) };
    const err = await pollStortinget(config, {}, { today: "2026-12-07", needsDetail: () => true }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SourceError);
    expect((err as SourceError).code).toBe("malformed");
    expect((err as SourceError).message).toContain("Maximum nested tags exceeded");
  });
});
