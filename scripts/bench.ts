/**
 * `npm run bench`: library search latency over 10 000 generated text-block versions (2 000 blocks × 5 versions) in a
 * throwaway embedded PostgreSQL. Reports p50/p95 of the real search (Norwegian FTS + trigram, ranked and highlighted)
 * and of a baseline run in the same process: a plain ILIKE scan over the same published versions, unranked.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb, Prisma } from "@innspill/db";
import { ensureDatabase, startEmbeddedPostgres } from "@innspill/db/embedded";
import { migrateDeploy } from "@innspill/db/migrate";
import { seedDemoData } from "@innspill/demo";
import { searchLibrary } from "@innspill/domain";
import { demoActors } from "@innspill/demo/testing";

const BLOCKS = 2000;
const VERSIONS = 5;
const ROUNDS = 20;
const QUERIES = [
  "bioingeniører",
  "rekruttering",
  "kompetanse helseforetak",
  "laboratorier",
  "digitalisering",
  "utdanning",
  "pasientsikkerhet",
  "innovasjon",
  "ingeniører teknologer",
  "beredskap",
];
const WORDS = (
  "bioingeniører bioingeniør ingeniører teknologer helseforetak sykehus laboratoriet laboratorier kompetanse " +
  "rekruttering utdanning studieplasser praksisplasser kommunene primærhelsetjenesten spesialisthelsetjenesten " +
  "digitalisering informasjonssikkerhet personvern innovasjon forskning finansiering beredskap pasientsikkerhet " +
  "kvalitet analyser prøvetaking medisinsk teknisk utstyr automatisering kunstig intelligens samarbeid tverrfaglig " +
  "helsetjenesten regjeringen departementet nasjonal plan må bør skal sikre styrke øke flere bedre viktig behov " +
  "mangel økende framtida helsepersonell ortopediingeniører radiografer arbeidsgivere ansatte lønn fagmiljø"
).split(" ");

let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
const sentence = (n: number) => {
  const w = Array.from({ length: n }, pick);
  return `${w[0]![0]!.toUpperCase()}${w.join(" ").slice(1)}.`;
};

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dir = mkdtempSync(path.join(tmpdir(), "innspill-bench-"));
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
try {
  await ensureDatabase(pg.adminUrl, "bench");
  const url = pg.urlFor("bench");
  await migrateDeploy(url);
  const db = createDb(url);
  await seedDemoData(db);
  const actor = (await demoActors(db)).ingrid!;

  const t0 = performance.now();
  const blocks = Array.from({ length: BLOCKS }, (_, i) => ({
    id: crypto.randomUUID(),
    organisationId: actor.organisationId,
    heading: `${sentence(4).slice(0, -1)} ${i}`,
    body: { type: "doc", content: [] },
    topics: [pick()],
  }));
  await db.textBlock.createMany({ data: blocks });
  const versions = blocks.flatMap((b) =>
    Array.from({ length: VERSIONS }, (_, v) => ({
      id: crypto.randomUUID(),
      blockId: b.id,
      number: v + 1,
      heading: b.heading,
      body: { type: "doc", content: [] },
      plainText: Array.from({ length: 8 }, () => sentence(12)).join(" "),
      topics: b.topics,
      reason: `Versjon ${v + 1}`,
    })),
  );
  for (let i = 0; i < versions.length; i += 2000)
    await db.textBlockVersion.createMany({ data: versions.slice(i, i + 2000) });
  await db.$executeRaw`UPDATE "TextBlock" b SET "publishedVersionId" = v.id FROM "TextBlockVersion" v
                       WHERE v."blockId" = b.id AND v.number = ${VERSIONS}`;
  await db.$executeRawUnsafe(`ANALYZE`);
  const count = await db.textBlockVersion.count();
  console.log(
    `generated ${count} block versions (${BLOCKS} blocks × ${VERSIONS}) in ${Math.round(performance.now() - t0)} ms`,
  );

  const baseline = (q: string) => {
    const words = q.split(/\s+/);
    const conditions = Prisma.join(
      words.map((w) => Prisma.sql`v."plainText" ILIKE ${`%${w}%`}`),
      " AND ",
    );
    return db.$queryRaw`
      SELECT b.id, v.heading FROM "TextBlock" b JOIN "TextBlockVersion" v ON v.id = b."publishedVersionId"
       WHERE b."organisationId" = ${actor.organisationId}::uuid AND ${conditions} ORDER BY v.heading LIMIT 20`;
  };
  const measure = async (run: (q: string) => Promise<unknown>) => {
    for (const q of QUERIES) await run(q); // warm-up
    const samples: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of QUERIES) {
        const start = performance.now();
        await run(q);
        samples.push(performance.now() - start);
      }
    }
    return samples.sort((a, b) => a - b);
  };

  const fts = await measure((q) => searchLibrary(db, { q }, actor));
  const base = await measure(baseline);
  const hits = await searchLibrary(db, { q: "bioingeniører" }, actor);
  const row = (name: string, s: number[]) =>
    `${name.padEnd(44)} p50 ${percentile(s, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(s, 95).toFixed(2).padStart(7)} ms`;
  console.log(`\nsearch over ${count} block versions, ${fts.length} queries each:`);
  console.log(row("library search (FTS + trigram, ranked)", fts));
  console.log(row("baseline: ILIKE scan, unranked", base));
  console.log(
    `ratio search/baseline: p50 ${(percentile(fts, 50) / percentile(base, 50)).toFixed(2)}×, p95 ${(percentile(fts, 95) / percentile(base, 95)).toFixed(2)}×`,
  );
  console.log(`("bioingeniører": ${hits.blocks.length} blocks, ${hits.positions.length} positions returned)`);
  await db.$disconnect();
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
