import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "../access/actor";
import { AppError } from "../common/errors";
import { createDemoDatabase } from "@innspill/demo/testing";
import { createBlock, diffBlockVersions, getBlock, publishBlock, saveBlockDraft } from "./blocks";
import { addFactValue, createFact, listFacts } from "./facts";
import { commitPlatformImport, proposePlatformImport } from "./platform";
import { getPosition, updatePosition } from "./positions";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "./highlight";
import { RANKED_MATCHES, searchLibrary } from "./search";

let t: TestDatabase;
let actors: Record<string, Actor>;
let imported: { blockIds: string[]; blocks: number; positions: number };

const fixture = readFileSync(
  path.resolve(__dirname, "../../../../fixtures/documents/policy-platform-helse.txt"),
  "utf8",
);

beforeAll(async () => {
  ({ t, actors } = await createDemoDatabase());
  const proposal = proposePlatformImport(
    { text: fixture, source: "Helsepolitisk plattform 2021–2024" },
    actors.ingrid!,
  );
  imported = await commitPlatformImport(
    t.db,
    { source: proposal.source, blocks: proposal.blocks.map((b) => ({ ...b, topics: ["Helse"] })) },
    actors.ingrid!,
  );
});
afterAll(async () => {
  await t?.close();
});

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof AppError) return `${err.code}:${err.message}`;
    throw err;
  }
}

describe("import", () => {
  it("saves 8 published blocks and 34 active positions with their source", async () => {
    expect(imported).toMatchObject({ blocks: 8, positions: 34 });
    expect(
      await t.db.position.count({ where: { status: "ACTIVE", source: "Helsepolitisk plattform 2021–2024" } }),
    ).toBe(34);
    expect(await t.db.textBlockVersion.count()).toBe(8);
    const first = await getBlock(t.db, { id: imported.blockIds[0] }, actors.ingrid!);
    expect(first.heading).toBe("Nok personell");
    expect(first.body.content.map((n) => n.type)).toEqual(["paragraph", "paragraph", "positionList"]);
  });
});

describe("search", () => {
  it("finds «Nok personell» for «bioingeniører» and for «rekruttering», using stems", async () => {
    for (const q of ["bioingeniører", "rekruttering"]) {
      const { blocks } = await searchLibrary(t.db, { q }, actors.ingrid!);
      expect(
        blocks.map((b) => b.title),
        q,
      ).toContain("Nok personell");
    }
    // "bioingeniør" (singular) finds text that says "bioingeniører".
    const { positions } = await searchLibrary(t.db, { q: "bioingeniør" }, actors.ingrid!);
    expect(positions.some((p) => /bioingeniører/.test(p.title))).toBe(true);
    const snippet = positions[0]!.snippet;
    expect(snippet.indexOf(HIGHLIGHT_START)).toBeGreaterThanOrEqual(0);
    expect(snippet.indexOf(HIGHLIGHT_END)).toBeGreaterThan(snippet.indexOf(HIGHLIGHT_START) + 1);
  });

  it("ranks a match in the heading and repeated matches above a single mention", async () => {
    const { blocks } = await searchLibrary(t.db, { q: "etisk kompetanse" }, actors.ingrid!);
    expect(blocks[0]!.title).toBe("Etisk kompetanse");
    const ranks = blocks.map((b) => b.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("finds a misspelt heading through trigram similarity", async () => {
    const { blocks } = await searchLibrary(t.db, { q: "Hjemmetestr og raskere svar" }, actors.ingrid!);
    expect(blocks[0]?.title).toBe("Hjemmetester og raskere svar på analyser");
  });

  it("filters by status and topic", async () => {
    expect(
      (await searchLibrary(t.db, { q: "bioingeniører", status: "RETIRED" }, actors.ingrid!)).positions,
    ).toHaveLength(0);
    expect(
      (await searchLibrary(t.db, { q: "bioingeniører", topic: "Skatt" }, actors.ingrid!)).blocks,
    ).toHaveLength(0);
  });
});

describe("search at scale", () => {
  it("finds what a block has published now, not its earlier wording nor its draft", async () => {
    const actor = actors.ingrid!;
    const block = await createBlock(t.db, { heading: "Kvantemålinger i laboratoriet", topics: [] }, actor);
    const save = async (text: string) => {
      const b = await getBlock(t.db, { id: block.id }, actor);
      const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
      return saveBlockDraft(
        t.db,
        { id: block.id, version: b.version, heading: b.heading, topics: [], body },
        actor,
      );
    };
    const found = async (q: string) => (await searchLibrary(t.db, { q }, actor)).blocks.map((b) => b.id);
    const first = await save("Tidligere ordlyd om spektrometri.");
    await publishBlock(t.db, { id: block.id, version: first.version, reason: "Første" }, actor);
    expect(await found("spektrometri")).toEqual([block.id]);
    const second = await save("Ny ordlyd om kalibreringsrutiner.");
    expect(await found("kalibreringsrutiner")).toEqual([]);
    await publishBlock(t.db, { id: block.id, version: second.version, reason: "Ny" }, actor);
    expect(await found("kalibreringsrutiner")).toEqual([block.id]);
    expect(await found("spektrometri")).toEqual([]);
  });

  it("ranks a query that matches more than it can rank among the newest matches, and says so", async () => {
    const org = actors.ingrid!.organisationId;
    const many = Array.from({ length: RANKED_MATCHES + 50 }, (_, i) => ({
      organisationId: org,
      statement: `Vindkraftverk nummer ${i} trenger ingeniører.`,
      topics: [],
      status: "ACTIVE" as const,
      updatedAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000),
    }));
    await t.db.position.createMany({ data: many });
    // The best-ranked one is among the most recent: «vindkraftverk» twice.
    await t.db.position.create({
      data: {
        organisationId: org,
        statement: "Vindkraftverk, vindkraftverk og nett.",
        topics: [],
        status: "ACTIVE",
      },
    });
    const broad = await searchLibrary(t.db, { q: "vindkraftverk" }, actors.ingrid!);
    expect(broad.rankedAmong).toBe(RANKED_MATCHES);
    expect(broad.positions).toHaveLength(20);
    expect(broad.positions[0]!.title).toBe("Vindkraftverk, vindkraftverk og nett.");
    const narrow = await searchLibrary(t.db, { q: "vindkraftverk nummer 7" }, actors.ingrid!);
    expect(narrow.rankedAmong).toBeNull();
    await t.db.position.deleteMany({ where: { statement: { startsWith: "Vindkraftverk" } } });
  });
});

describe("immutability", () => {
  it("published versions and position versions cannot be changed or removed, by any path", async () => {
    await expect(t.db.textBlockVersion.updateMany({ data: { heading: "Endret" } })).rejects.toThrow(
      /immutable/,
    );
    await expect(t.db.textBlockVersion.deleteMany({})).rejects.toThrow(/immutable/);
    await expect(t.db.positionVersion.updateMany({ data: { statement: "Endret" } })).rejects.toThrow(
      /immutable/,
    );
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "PositionVersion"`)).rejects.toThrow(/immutable/);
    // Editing the draft and publishing again adds a version; version 1 stays as it was.
    const id = imported.blockIds[1]!;
    const before = await t.db.textBlockVersion.findFirstOrThrow({ where: { blockId: id, number: 1 } });
    const b = await getBlock(t.db, { id }, actors.ingrid!);
    const saved = await saveBlockDraft(
      t.db,
      {
        id,
        version: b.version,
        heading: b.heading,
        topics: b.topics,
        body: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: "Ny tekst" }] }],
        },
      },
      actors.ingrid!,
    );
    await publishBlock(t.db, { id, version: saved.version, reason: "Forenklet" }, actors.ingrid!);
    const after = await t.db.textBlockVersion.findFirstOrThrow({ where: { blockId: id, number: 1 } });
    expect(after).toEqual(before);
    const diff = await diffBlockVersions(t.db, { id, from: 1, to: 2 }, actors.ingrid!);
    expect(diff.diff.some((p) => p.added && p.value.includes("Ny"))).toBe(true);
    expect(diff.diff.some((p) => p.removed)).toBe(true);
  });

  it("publishing needs a reason", async () => {
    const b = await getBlock(t.db, { id: imported.blockIds[2] }, actors.ingrid!);
    expect(
      await codeOf(publishBlock(t.db, { id: b.id, version: b.version, reason: "  " }, actors.ingrid!)),
    ).toBe("BAD_REQUEST:invalid");
  });
});

describe("concurrent edits", () => {
  it("the second save of a block draft gets CONFLICT with the current draft; nothing is lost", async () => {
    const created = await createBlock(t.db, { heading: "Samtidig redigering" }, actors.ingrid!);
    const body = (text: string) => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text }] }],
    });
    const first = await saveBlockDraft(
      t.db,
      { id: created.id, version: created.version, heading: "Samtidig redigering", body: body("Ingrid") },
      actors.ingrid!,
    );
    let caught: unknown;
    try {
      await saveBlockDraft(
        t.db,
        { id: created.id, version: created.version, heading: "Samtidig redigering", body: body("Martin") },
        actors.martin!,
      );
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe("CONFLICT");
    expect(((caught as AppError).details as { current: { version: number } }).current.version).toBe(
      first.version,
    );
    const row = await t.db.textBlock.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row.body)).toContain("Ingrid");
  });

  it("two editors of one position: the second gets CONFLICT; both changes are never merged silently", async () => {
    const p = await t.db.position.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const data = (statement: string) => ({ statement, topics: p.topics, source: p.source });
    await updatePosition(
      t.db,
      {
        id: p.id,
        version: p.version,
        data: data(`${p.statement} Presisert.`),
        status: "ACTIVE",
        reason: "Presisering",
      },
      actors.ingrid!,
    );
    expect(
      await codeOf(
        updatePosition(
          t.db,
          {
            id: p.id,
            version: p.version,
            data: data("Annen tekst"),
            status: "ACTIVE",
            reason: "Min endring",
          },
          actors.martin!,
        ),
      ),
    ).toBe("CONFLICT:positionConflict");
    const full = await getPosition(t.db, { id: p.id }, actors.ingrid!);
    expect(full.versions).toHaveLength(2);
    expect(full.versions[0]!.diff?.some((d) => d.added && d.value.includes("Presisert"))).toBe(true);
  });
});

describe("facts", () => {
  it("resolve by date and flag stale values", async () => {
    const f = await createFact(
      t.db,
      { key: "test.memberCount", label: "Antall medlemmer", format: "NUMBER", staleAfterDays: 365 },
      actors.ingrid!,
    );
    await addFactValue(
      t.db,
      { factId: f.id, validFrom: "2020-01-01", value: "91000", source: "Årsrapport 2019" },
      actors.ingrid!,
    );
    await addFactValue(
      t.db,
      { factId: f.id, validFrom: "2025-01-01", value: "116000", source: "Medlemsregisteret" },
      actors.ingrid!,
    );
    expect(
      await codeOf(addFactValue(t.db, { factId: f.id, validFrom: "2025-01-01", value: "1" }, actors.ingrid!)),
    ).toBe("CONFLICT:factValueExists");
    const [fact] = (await listFacts(t.db, actors.ingrid!, { date: "2024-06-01" })).filter(
      (x) => x.key === "test.memberCount",
    );
    expect(fact!.current).toMatchObject({
      value: "91000",
      formatted: "91\u00a0000",
      source: "Årsrapport 2019",
    });
    // Today (2026 or later) the newest value, from 2025-01-01, is older than a year.
    expect(fact!.stale).toBe(new Date() > new Date("2026-01-01T23:00:00Z"));
  });
});
