/**
 * The hearing radar against a local HTTP server that serves recorded responses in the sources' real formats
 * (fixtures/, see its README for where each format was taken from). Nothing here reaches the internet: the only
 * configured hosts are this server's.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { dbToDateOnly } from "../dates/dates";
import { createHearing } from "../hearings/register";
import { createPosition } from "../library/positions";
import { radarConfig, type RadarConfig } from "./config";
import {
  acceptRadarItem,
  checkRadarSourceNow,
  dismissRadarItem,
  followRadarTopic,
  listRadarItems,
  listRadarSources,
  proposeFromAddress,
  updateRadarSource,
} from "./inbox";
import { ensureRadarSource, pollDueRadarSources, pollRadarSource } from "./poll";
import { stortingetPageUrl } from "./stortinget";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

type Mode =
  | "ok"
  | "moved"
  | "newDoc"
  | "badXml"
  | "badHtml"
  | "badCase"
  | "500"
  | "hang"
  | "big"
  | "redirectOut"
  | "redirectIn";
let mode: Mode = "ok";
const requests: { url: string; conditional: boolean; status: number }[] = [];

function route(path: string): { body: Buffer; type: string } | null {
  const url = new URL(path, "http://x");
  const p = url.pathname;
  if (p === "/eksport/sesjoner") return { body: fixture("stortinget-sesjoner.xml"), type: "text/xml" };
  if (p === "/eksport/komiteer") return { body: fixture("stortinget-komiteer.xml"), type: "text/xml" };
  if (p === "/eksport/horinger" && url.searchParams.get("sesjonid") === "2026-2027") {
    if (mode === "badXml")
      return {
        body: Buffer.from(
          '<?xml version="1.0"?><horinger_oversikt xmlns="http://data.stortinget.no"><horinger_liste><horing><id>1</id></horinger_liste>',
        ),
        type: "text/xml",
      };
    return {
      body: fixture(mode === "moved" ? "stortinget-horinger-moved.xml" : "stortinget-horinger.xml"),
      type: "text/xml",
    };
  }
  if (p === "/eksport/sak") {
    if (mode === "badCase")
      return { body: Buffer.from("<detaljert_sak><oops></detaljert_sak>"), type: "text/xml" };
    return { body: fixture(`stortinget-sak-${url.searchParams.get("sakid")}.xml`), type: "text/xml" };
  }
  if (p === "/no/dokument/hoyringar/id1763/") {
    if (mode === "badHtml")
      return { body: Buffer.from("<html><body><div>Beklager, noe gikk galt"), type: "text/html" };
    return { body: fixture("regjeringen-liste.html"), type: "text/html; charset=utf-8" };
  }
  const page = /\/(id317000[12])\/$/.exec(p);
  if (page) {
    let html = fixture(`regjeringen-${page[1]}.html`).toString("utf8");
    // The department adds an appendix to the hearing's page (the list stays as it was).
    if (mode === "newDoc" && page[1] === "id3170001")
      html = html.replace(
        "<h2>Høringsnotat</h2>",
        '<h2>Høringsnotat</h2>\n      <p><a href="/contentassets/ab12cd34/vedlegg-konsekvenser.pdf" title="Vedlegg – konsekvensutredning">Vedlegg (PDF)</a></p>',
      );
    return { body: Buffer.from(html), type: "text/html; charset=utf-8" };
  }
  if (p.startsWith("/contentassets/") && p.endsWith(".pdf")) return { body: PDF, type: "application/pdf" };
  return null;
}

let server: Server;
let config: RadarConfig;
let base: string;

function startServer() {
  return new Promise<void>((resolve) => {
    server = createServer((req, res) => {
      const path = req.url ?? "/";
      const conditional = !!req.headers["if-none-match"];
      const answer = (status: number) => requests.push({ url: path, conditional, status });
      if (mode === "hang") return void answer(0); // never answers
      if (mode === "500") {
        answer(500);
        res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
        return;
      }
      if (mode === "big") {
        answer(200);
        res.writeHead(200, { "content-type": "text/xml" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const more = () => {
          while (sent < 8 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", more);
          }
          res.end();
        };
        res.on("error", () => undefined);
        more();
        return;
      }
      if (mode === "redirectOut" || (mode === "redirectIn" && !path.includes("moved=1"))) {
        answer(302);
        const to =
          mode === "redirectOut"
            ? `http://localhost:${(server.address() as AddressInfo).port}${path}`
            : `${path}${path.includes("?") ? "&" : "?"}moved=1`;
        res.writeHead(302, { location: to }).end();
        return;
      }
      const r = route(path.replace(/[?&]moved=1$/, ""));
      if (!r) {
        answer(404);
        res.writeHead(404).end();
        return;
      }
      const etag = `"${createHash("sha256").update(r.body).digest("hex").slice(0, 16)}"`;
      if (req.headers["if-none-match"] === etag) {
        answer(304);
        res.writeHead(304, { etag }).end();
        return;
      }
      answer(200);
      res.writeHead(200, { "content-type": r.type, etag, "content-length": r.body.length }).end(r.body);
    });
    server.listen(0, "127.0.0.1", () => resolve());
  });
}

let t: TestDatabase;
let a: Record<string, Actor>;
let orgId: string;
const NOW = new Date("2026-12-07T08:00:00Z");
const positions: Record<string, string> = {};

beforeAll(async () => {
  await startServer();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  config = radarConfig({
    stortingetUrl: base,
    regjeringenUrl: base,
    stortingetPageUrl: "https://www.stortinget.no",
    // Generous for the sources that answer (a busy machine); the one that hangs is given 400 ms below.
    timeoutMs: 15_000,
    maxBytes: 1024 * 1024,
    retries: 1,
    backoffMs: 10,
    enabled: true,
  });
  ({ t, actors: a } = await createDemoDatabase());
  orgId = a.ingrid!.organisationId;
  const pos = async (key: string, statement: string, topics: string[]) => {
    positions[key] = (
      await createPosition(t.db, { statement, topics, status: "ACTIVE", source: "Plattform" }, a.ingrid!)
    ).id;
  };
  await pos(
    "bio",
    "Det må utdannes flere bioingeniører, og studieplassene må trappes opp i tråd med behovet fram mot 2035.",
    ["helse", "utdanning"],
  );
  await pos("turnus", "Ortopediingeniører må ha en toårig turnustjeneste med finansiering.", ["helse"]);
  await pos("rammeplan", "Rammeplanen for ingeniørutdanning må gi mer praksis i studiet.", ["utdanning"]);
  await pos("lab", "Laboratoriedatasystemer må kommunisere sømløst med journalsystemer.", ["digitalisering"]);
  const topic = await t.db.topic.findFirstOrThrow({ where: { organisationId: orgId, name: "Utdanning" } });
  await followRadarTopic(t.db, { topicId: topic.id, follow: true }, a.martin!);
});

afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await t?.close();
});

const newItems = async (actor: Actor = a.ingrid!) =>
  (await listRadarItems(t.db, { state: "NEW", includeUnmatched: true }, actor, NOW)).items;

describe("hearing radar", () => {
  it("finds Stortinget's new hearings, ranks them and names the positions they touch", async () => {
    // Registered by hand before the radar saw it: never suggested.
    const body = await t.db.issuingBody.findFirstOrThrow({
      where: { organisationId: orgId, type: "STORTINGSKOMITE" },
    });
    const byHand = await createHearing(
      t.db,
      {
        title: "Vegtrafikkloven",
        issuingBodyId: body.id,
        kind: "INNSPILL",
        deadline: "2027-01-29",
        url: stortingetPageUrl(config, "11003"),
        topics: [],
      },
      a.ingrid!,
    );
    const result = await pollRadarSource(t.db, orgId, "stortinget", { config, now: NOW });
    expect(result).toMatchObject({ ok: true, seen: 4, created: 2 });
    const items = await newItems();
    expect(items.map((i) => i.sourceRef)).toEqual(["horing:11001", "horing:11002"]);
    const [bio, turnus] = items;
    expect(bio!.positions.map((p) => p.id)).toEqual([positions.bio]);
    expect(turnus!.positions.map((p) => p.id)).toEqual([positions.turnus]);
    expect(bio!.reason).toMatch(/^Berører 1 standpunkt: «Det må utdannes flere bioingeniører/);
    expect(bio!.matchedTopics).toEqual(expect.arrayContaining(["Bioingeniører", "Helse", "Utdanning"]));
    expect(bio!.reason).toMatch(/; Tema: [^;]*Utdanning/);
    // The demo organisation has answered this committee before (an archived hearing); the fisheries body never.
    expect(bio!.reason).toMatch(/NITO har svart Helse- og omsorgskomiteen \d+ ganger?/);
    expect(bio!.issuer).toBe("Helse- og omsorgskomiteen");
    expect(bio!.deadline).toBe("2027-01-15");
    expect(bio!.topics).toEqual(["Helse", "Utdanning"]);
    expect(bio!.url).toBe("https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Horing/horing/?h=11001");
    // The hand-registered hearing is known, linked, and not in the inbox; the past hearing is not there at all.
    const known = await t.db.radarItem.findFirstOrThrow({
      where: { organisationId: orgId, sourceRef: "horing:11003" },
    });
    expect(known).toMatchObject({ state: "ACCEPTED", hearingId: byHand.id });
    expect(await t.db.radarItem.count({ where: { sourceRef: "horing:10950" } })).toBe(0);
    // Martin follows «Utdanning»: told in the app and by e-mail, once per hearing touching it.
    const notes = await t.db.notification.findMany({
      where: { userId: a.martin!.id, kind: "radar.newHearing" },
    });
    expect(notes.map((n) => n.title).sort()).toEqual([
      "Ny høring: Flere studieplasser for bioingeniører",
      "Ny høring: Turnustjeneste for ortopediingeniører",
    ]);
    expect(
      await t.db.outboxEmail.count({ where: { userId: a.martin!.id, subject: { contains: "Ny høring" } } }),
    ).toBe(2);
    expect(await t.db.notification.count({ where: { userId: a.ingrid!.id, kind: "radar.newHearing" } })).toBe(
      0,
    );
  });

  it("asks again with the ETag it was given and takes a 304 as «unchanged»", async () => {
    requests.length = 0;
    const result = await pollRadarSource(t.db, orgId, "stortinget", { config, now: NOW });
    expect(result).toMatchObject({ ok: true, notModified: true, created: 0 });
    const list = requests.find((r) => r.url.startsWith("/eksport/horinger"))!;
    expect(list).toMatchObject({ conditional: true, status: 304 });
    expect(requests.some((r) => r.url.startsWith("/eksport/sak"))).toBe(false);
  });

  it("reads regjeringen.no's list and pages: department, deadline, documents, invited bodies", async () => {
    const result = await pollRadarSource(t.db, orgId, "regjeringen", { config, now: NOW });
    expect(result).toMatchObject({ ok: true, seen: 2, created: 2 });
    const items = (await newItems()).filter((i) => i.source === "regjeringen");
    expect(items.map((i) => i.sourceRef)).toEqual(["id3170001", "id3170002"]);
    const [plan, fish] = items;
    expect(plan).toMatchObject({ issuer: "Kunnskapsdepartementet", deadline: "2027-03-02", invited: true });
    expect(plan!.sourceStatus).toBe("På høring");
    expect(plan!.documents.map((d) => d.label)).toEqual([
      "Høringsbrev – rammeplan for ingeniørutdanning",
      "Høringsnotat – rammeplan for ingeniørutdanning",
    ]);
    expect(plan!.positions.map((p) => p.id)).toEqual([positions.rammeplan]);
    expect(plan!.reason).toContain("NITO står på høringslisten");
    expect(fish!.invited).toBe(false);
    // Nothing of NITO's in it: left out of the inbox unless asked for, and counted.
    expect(fish).toMatchObject({ score: 0, reason: "Ingen treff i biblioteket" });
    const inbox = await listRadarItems(t.db, { state: "NEW" }, a.ingrid!, NOW);
    expect(inbox.items.map((i) => i.sourceRef)).not.toContain("id3170002");
    expect(inbox.unmatched).toBe(1);
  });

  it("accept registers a complete hearing with its documents, and it is not suggested again", async () => {
    const plan = (await newItems()).find((i) => i.sourceRef === "id3170001")!;
    const { hearingId, documents } = await acceptRadarItem(t.db, { id: plan.id }, a.ingrid!, {
      config,
      now: NOW,
    });
    expect(documents).toBe(2);
    const h = await t.db.hearing.findUniqueOrThrow({
      where: { id: hearingId },
      include: {
        issuingBody: true,
        milestones: true,
        documents: true,
        links: true,
        topics: { include: { topic: true } },
      },
    });
    expect(h.title).toBe("Høring – forslag til ny forskrift om rammeplan for ingeniørutdanning");
    expect(h.issuingBody.name).toBe("Kunnskapsdepartementet");
    expect(dbToDateOnly(h.deadline)).toBe("2027-03-02");
    expect(h.responsibleId).toBe(a.ingrid!.id);
    expect(h.milestones).toHaveLength(4);
    expect(h.documents.map((d) => [d.filename, d.mimeType, d.size])).toEqual(
      expect.arrayContaining([
        ["horingsbrev-rammeplan.pdf", "application/pdf", PDF.length],
        ["horingsnotat-rammeplan.pdf", "application/pdf", PDF.length],
      ]),
    );
    expect(h.links.map((l) => l.url)).toContain(`${base}/no/dokumenter/horing-ingeniorutdanning/id3170001/`);
    expect(h.topics.map((x) => x.topic.name)).toEqual(plan.matchedTopics);
    expect(plan.matchedTopics).toContain("Rekruttering");
    await expect(
      acceptRadarItem(t.db, { id: plan.id }, a.martin!, { config, now: NOW }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await pollRadarSource(t.db, orgId, "regjeringen", { config, now: new Date(NOW.getTime() + 3600_000) });
    expect((await newItems()).map((i) => i.sourceRef)).not.toContain("id3170001");
    expect(await t.db.hearing.count({ where: { url: plan.url } })).toBe(1);
  });

  it("a new document on a registered hearing's page is downloaded to it, and its people are told", async () => {
    const item = await t.db.radarItem.findFirstOrThrow({
      where: { organisationId: orgId, sourceRef: "id3170001" },
    });
    requests.length = 0;
    mode = "newDoc";
    try {
      const r = await pollRadarSource(t.db, orgId, "regjeringen", {
        config,
        now: new Date(NOW.getTime() + 5400_000),
      });
      expect(r).toMatchObject({ ok: true, updated: 1, created: 0, seen: 2 });
    } finally {
      mode = "ok";
    }
    // The list was unchanged (304); the page was asked again and had changed.
    expect(requests.find((q) => q.url.startsWith("/no/dokument/hoyringar"))).toMatchObject({ status: 304 });
    const docs = await t.db.hearingDocument.findMany({ where: { hearingId: item.hearingId! } });
    expect(docs.map((d) => d.filename).sort()).toEqual([
      "horingsbrev-rammeplan.pdf",
      "horingsnotat-rammeplan.pdf",
      "vedlegg-konsekvenser.pdf",
    ]);
    const note = await t.db.notification.findFirstOrThrow({
      where: { userId: a.ingrid!.id, hearingId: item.hearingId!, kind: "radar.newDocument" },
    });
    expect(note.body).toContain("Vedlegg – konsekvensutredning");
  });

  it("dismiss asks for a reason and the hearing does not come back, even when it changes at the source", async () => {
    const turnus = (await newItems()).find((i) => i.sourceRef === "horing:11002")!;
    await expect(dismissRadarItem(t.db, { id: turnus.id, reason: "" }, a.ingrid!)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await dismissRadarItem(t.db, { id: turnus.id, reason: "Dekkes av Tekna" }, a.ingrid!);
    expect((await newItems()).map((i) => i.id)).not.toContain(turnus.id);
    mode = "moved";
    try {
      expect(
        await pollRadarSource(t.db, orgId, "stortinget", { config, now: new Date(NOW.getTime() + 7200_000) }),
      ).toMatchObject({ ok: true, updated: 1 });
    } finally {
      mode = "ok";
    }
    expect((await newItems()).map((i) => i.id)).not.toContain(turnus.id);
    const dismissed = (await listRadarItems(t.db, { state: "DISMISSED" }, a.ingrid!, NOW)).items;
    expect(dismissed.map((i) => [i.id, i.dismissReason])).toEqual([[turnus.id, "Dekkes av Tekna"]]);
    // Only the hearing whose deadline moved changed; the others keep the subjects read with their cases.
    expect((await listRadarItems(t.db, { state: "DISMISSED" }, a.ingrid!, NOW)).items[0]!.topics).toEqual([
      "Utdanning",
      "Helse",
    ]);
  });

  it("a moved deadline at the source moves the registered hearing's milestones and tells its people", async () => {
    // The Stortinget list still says 2027-01-15 when the hearing is registered …
    const bio = (await newItems()).find((i) => i.sourceRef === "horing:11001");
    // … (the previous test polled the moved list already: accept what is there now, then move it back and forth).
    const item =
      bio ??
      (await t.db.radarItem.findFirstOrThrow({
        where: { organisationId: orgId, sourceRef: "horing:11001" },
      }));
    const { hearingId } = await acceptRadarItem(t.db, { id: item.id }, a.martin!, { config, now: NOW });
    const before = await t.db.milestone.findMany({ where: { hearingId }, orderBy: { kind: "asc" } });
    const deadlineBefore = dbToDateOnly(
      (await t.db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).deadline,
    );
    // The source moves it (back) to the other date.
    mode = deadlineBefore === "2027-01-22" ? "ok" : "moved";
    const target = mode === "moved" ? "2027-01-22" : "2027-01-15";
    try {
      const r = await pollRadarSource(t.db, orgId, "stortinget", {
        config,
        now: new Date(NOW.getTime() + 3 * 3600_000),
      });
      expect(r).toMatchObject({ ok: true, updated: 1 });
    } finally {
      mode = "ok";
    }
    const h = await t.db.hearing.findUniqueOrThrow({
      where: { id: hearingId },
      include: { milestones: { orderBy: { kind: "asc" } } },
    });
    expect(dbToDateOnly(h.deadline)).toBe(target);
    expect(h.milestones.map((m) => dbToDateOnly(m.dueDate))).not.toEqual(
      before.map((m) => dbToDateOnly(m.dueDate)),
    );
    const note = await t.db.notification.findFirst({
      where: { userId: a.martin!.id, hearingId, kind: "hearing.deadlineMoved" },
    });
    expect(note?.title).toContain("Ny frist");
    expect(
      await t.db.auditEvent.count({
        where: { entityId: hearingId, action: "hearing.deadlineMoved", actorId: null },
      }),
    ).toBe(1);
  });

  const bad: [Mode, "stortinget" | "regjeringen", RegExp][] = [
    ["badXml", "stortinget", /^malformed: XML/],
    ["badCase", "stortinget", /^malformed/],
    ["badHtml", "regjeringen", /^malformed: not a whole HTML page/],
    ["500", "stortinget", /^httpStatus: 500/],
    ["hang", "regjeringen", /^timeout: 400 ms/],
    ["big", "stortinget", /^tooLarge/],
    ["redirectOut", "regjeringen", /^redirectOtherHost/],
  ];
  for (const [m, source, expected] of bad) {
    it(`a bad source (${m}) gives a clear status, registers nothing, and the next poll works`, async () => {
      // A fresh organisation each time, so that the bad answer is the first the source gives it.
      const org = await t.db.organisation.create({
        data: { slug: `bad-${m}`, name: `Bad ${m}`, shortName: m },
      });
      const admin = await t.db.user.create({
        data: { organisationId: org.id, name: "A", email: `a@${m}.test`, role: "ADMIN", passwordHash: "x" },
      });
      const asAdmin: Actor = { id: admin.id, organisationId: org.id, role: "ADMIN", name: "A" };
      mode = m;
      let result;
      try {
        const limits = m === "hang" ? { ...config, timeoutMs: 400 } : config;
        result = await pollRadarSource(t.db, org.id, source, { config: limits, now: NOW });
      } finally {
        mode = "ok";
      }
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(expected);
      expect(await t.db.radarItem.count({ where: { organisationId: org.id } })).toBe(0);
      const status = (await listRadarSources(t.db, asAdmin)).find((s) => s.source === source)!;
      expect(status).toMatchObject({ failing: true, lastSuccessAt: null });
      expect(status.lastError).toMatch(expected);
      const again = await pollRadarSource(t.db, org.id, source, {
        config,
        now: new Date(NOW.getTime() + 60_000),
      });
      expect(again.ok).toBe(true);
      expect(again.created).toBeGreaterThan(0);
      const after = (await listRadarSources(t.db, asAdmin)).find((s) => s.source === source)!;
      expect(after).toMatchObject({ failing: false, itemsSeen: source === "stortinget" ? 4 : 2 });
    });
  }

  it("follows a redirect on the configured host", async () => {
    const org = await t.db.organisation.create({ data: { slug: "redir", name: "Redir", shortName: "R" } });
    mode = "redirectIn";
    try {
      expect(await pollRadarSource(t.db, org.id, "regjeringen", { config, now: NOW })).toMatchObject({
        ok: true,
      });
    } finally {
      mode = "ok";
    }
  });

  it("a pasted address gives the same proposal, and only for the configured hosts", async () => {
    await expect(
      proposeFromAddress(t.db, { address: "https://evil.example/no/dokumenter/x/id3170002/" }, a.ingrid!, {
        config,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "radarAddressNotSupported" });
    const fromPage = await proposeFromAddress(
      t.db,
      { address: `${base}/no/dokumenter/horing-fiskeriforskrift/id3170002/` },
      a.ingrid!,
      { config, now: NOW },
    );
    expect(fromPage.sourceRef).toBe("id3170002");
    const org = await t.db.organisation.create({ data: { slug: "paste", name: "Paste", shortName: "P" } });
    const user = await t.db.user.create({
      data: { organisationId: org.id, name: "P", email: "p@paste.test", role: "ADVISER", passwordHash: "x" },
    });
    const other: Actor = { id: user.id, organisationId: org.id, role: "ADVISER", name: "P" };
    const fromStortinget = await proposeFromAddress(
      t.db,
      { address: "https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Horing/horing/?h=11002" },
      other,
      { config, now: NOW },
    );
    expect(fromStortinget).toMatchObject({ sourceRef: "horing:11002", state: "NEW", deadline: "2027-01-22" });
    // Its documents fail at the source when it is registered: it is registered with them as links.
    mode = "500";
    let accepted;
    try {
      accepted = await acceptRadarItem(t.db, { id: fromPage.id }, a.ingrid!, { config, now: NOW });
    } finally {
      mode = "ok";
    }
    expect(accepted).toMatchObject({ documents: 0, documentsFailed: 2 });
    const links = await t.db.hearingLink.findMany({ where: { hearingId: accepted.hearingId } });
    expect(links.map((l) => l.url)).toContain(`${base}/contentassets/ef56ab78/horingsnotat-fiske.pdf`);
  });

  it("keeps one organisation's suggestions, dismissals and settings from another", async () => {
    const org = await t.db.organisation.create({
      data: { slug: "annen", name: "Annen forening", shortName: "AF" },
    });
    const mk = async (email: string, role: "ADMIN" | "ADVISER"): Promise<Actor> => {
      const u = await t.db.user.create({
        data: { organisationId: org.id, name: email, email, role, passwordHash: "x" },
      });
      return { id: u.id, organisationId: org.id, role, name: email };
    };
    const otherAdmin = await mk("admin@annen.test", "ADMIN");
    const otherAdviser = await mk("r@annen.test", "ADVISER");
    await pollRadarSource(t.db, org.id, "stortinget", { config, now: NOW });
    const theirs = await newItems(otherAdviser);
    // Their own copy: 11002, dismissed by NITO, is a suggestion for them; no reasons from NITO's library.
    expect(theirs.map((i) => i.sourceRef)).toContain("horing:11002");
    expect(theirs.every((i) => i.positions.length === 0)).toBe(true);
    const ours = await t.db.radarItem.findMany({ where: { organisationId: orgId } });
    const ourIds = new Set(ours.map((i) => i.id));
    expect(theirs.some((i) => ourIds.has(i.id))).toBe(false);
    expect((await listRadarItems(t.db, { state: "DISMISSED" }, otherAdviser, NOW)).items).toEqual([]);
    const ourNew = ours[0]!;
    await expect(acceptRadarItem(t.db, { id: ourNew.id }, otherAdviser, { config })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(dismissRadarItem(t.db, { id: ourNew.id, reason: "x" }, otherAdviser)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const ourSource = (await listRadarSources(t.db, a.admin!)).find((s) => s.source === "stortinget")!;
    await expect(
      updateRadarSource(
        t.db,
        { id: ourSource.id, version: ourSource.version, enabled: false, intervalMinutes: 30 },
        otherAdmin,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(checkRadarSourceNow(t.db, { id: ourSource.id }, otherAdmin)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await listRadarSources(t.db, otherAdmin)).map((s) => s.id)).not.toContain(ourSource.id);
  });

  it("an admin changes the schedule and «Sjekk nå» makes the source due at the next tick", async () => {
    const src = (await listRadarSources(t.db, a.admin!)).find((s) => s.source === "stortinget")!;
    await expect(
      updateRadarSource(
        t.db,
        { id: src.id, version: src.version, enabled: true, intervalMinutes: 30 },
        a.ingrid!,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateRadarSource(
        t.db,
        { id: src.id, version: src.version, enabled: true, intervalMinutes: 2 },
        a.admin!,
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await updateRadarSource(
      t.db,
      { id: src.id, version: src.version, enabled: true, intervalMinutes: 30 },
      a.admin!,
    );
    // Only NITO's source is made due; every other is pushed far ahead so the tick polls NITO's only.
    for (const o of await t.db.organisation.findMany())
      for (const s of ["stortinget", "regjeringen"] as const) await ensureRadarSource(t.db, o.id, s);
    await t.db.radarSource.updateMany({ data: { nextPollAt: new Date("2100-01-01") } });
    const later = new Date("2026-12-08T08:00:00Z");
    expect(await pollDueRadarSources(t.db, { config, now: later })).toEqual([]);
    await checkRadarSourceNow(t.db, { id: src.id }, a.admin!, later);
    const polled = await pollDueRadarSources(t.db, { config, now: later });
    expect(polled.map((p) => [p.organisationId, p.source, p.ok])).toEqual([[orgId, "stortinget", true]]);
    const after = (await listRadarSources(t.db, a.admin!)).find((s) => s.source === "stortinget")!;
    expect(after.intervalMinutes).toBe(30);
    expect(after.nextPollAt.getTime()).toBe(later.getTime() + 30 * 60_000);
  });
});
