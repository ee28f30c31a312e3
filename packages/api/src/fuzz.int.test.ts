/**
 * Fuzzing the API: generated inputs, well-formed and hostile (huge strings, control characters, Word's U+000B, lone
 * surrogates, deep nesting, wrong types, negative and fractional versions, other objects' ids), sent to every tRPC
 * procedure as every role and anonymously, against the real database. Not one may end in a 500 or an uncaught error;
 * fast-check prints the failing input, shrunk, when one does.
 */
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Role } from "@innspill/db";
import { seedDemoContent } from "@innspill/demo";
import { appRouter, createCaller } from "./root";
import { procedureInputs, radarFixture } from "./procedure-inputs.int";
import { setupFixture, type Fixture } from "./testing.int";

const RUNS = 10_000;

let fx: Fixture;
let inputs: Record<string, () => unknown>;
let ids: string[];
const paths = Object.keys(appRouter._def.procedures as object).sort();

beforeAll(async () => {
  fx = await setupFixture();
  const db = fx.tdb.db;
  await seedDemoContent(db);
  const org = fx.actors.ADVISER.organisationId;
  const first = async <T extends { id: string }>(p: Promise<T | null>) => (await p)?.id ?? randomUUID();
  const A = {
    hearing: await first(db.hearing.findFirst({ where: { organisationId: org } })),
    openHearing: await first(
      db.hearing.findFirst({ where: { organisationId: org, submissions: { none: {} } } }),
    ),
    submission: await first(db.submission.findFirst({ where: { organisationId: org } })),
    snapshot: "0".repeat(64),
    milestone: await first(db.milestone.findFirst()),
    link: randomUUID(),
    document: randomUUID(),
    notification: await first(db.notification.findFirst()),
    issuingBody: await first(db.issuingBody.findFirst({ where: { organisationId: org } })),
    position: await first(db.position.findFirst({ where: { organisationId: org } })),
    block: await first(db.textBlock.findFirst({ where: { organisationId: org } })),
    blockVersion: await first(db.textBlockVersion.findFirst()),
    fact: await first(db.fact.findFirst({ where: { organisationId: org } })),
    signatory: await first(db.signatory.findFirst({ where: { organisationId: org } })),
    render: randomUUID(),
    thread: randomUUID(),
    passkey: randomUUID(),
    user: fx.actors.ADVISER.id,
    ...(await radarFixture(db, org)),
  };
  inputs = procedureInputs(A);
  ids = Object.values(A);
}, 60_000);

afterAll(async () => {
  await fx?.close();
});

/** Values a hostile or careless client sends. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      "\u000b",
      "\u0000",
      "\u0007",
      "\ud800",
      "\udfff",
      "\ufffe",
      "\u202e",
      "<",
      "&",
      "{{",
      "a",
      "æ",
    ),
    maxLength: 60,
  }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => "x".repeat(n)),
  fc.constantFrom("", " ", "\n", "null", "undefined", "../../etc/passwd", "<script>alert(1)</script>"),
);
const deep = fc.integer({ min: 50, max: 5_000 }).map((n) => {
  let v: unknown = "bunn";
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(-1, 0, 0.5, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 2 ** 31),
  fc.constantFrom(null, undefined, true, false, [], {}, new Date(Number.NaN), 10n),
  fc.constantFrom(...[randomUUID(), "00000000-0000-0000-0000-000000000000", "ikke-en-id"]),
  fc.array(hostileText, { maxLength: 5 }),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "id", "version", "x"), hostileText, {
    maxKeys: 3,
  }),
  deep,
);

/** A well-formed input with some of its fields (or the whole input) replaced by hostile values. */
function inputFor(path: string): fc.Arbitrary<unknown> {
  const template = inputs[path]!();
  const keys = template && typeof template === "object" ? Object.keys(template) : [];
  return fc.oneof(
    { weight: 1, arbitrary: hostile },
    {
      weight: 4,
      arbitrary: fc
        .array(
          fc.tuple(
            fc.constantFrom(...(keys.length ? keys : ["x"])),
            fc.oneof(hostile, fc.constantFrom(...ids)),
          ),
          {
            maxLength: 3,
          },
        )
        .map((changes) =>
          changes.length && template && typeof template === "object"
            ? { ...(template as object), ...Object.fromEntries(changes) }
            : template,
        ),
    },
  );
}

const caseArb = fc
  .tuple(fc.constantFrom(...paths), fc.constantFrom<Role | null>(null, "ADVISER", "LEADER", "ADMIN"))
  .chain(([path, role]) => inputFor(path).map((input) => ({ path, role, input })));

it(`answers ${RUNS} generated inputs to every procedure, as every role, without one 500`, async () => {
  let cases = 0;
  const codes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(caseArb, async ({ path, role, input }) => {
      cases++;
      const caller = createCaller(fx.ctx(role)) as unknown as Record<
        string,
        Record<string, (i: unknown) => Promise<unknown>>
      >;
      const [ns, name] = path.split(".") as [string, string];
      let code = "OK";
      try {
        await caller[ns]![name]!(input);
      } catch (err) {
        // Anything but a TRPCError is an uncaught error; INTERNAL_SERVER_ERROR is a 500.
        if (!(err instanceof TRPCError)) throw err;
        code = err.code;
        if (code === "INTERNAL_SERVER_ERROR") throw err.cause ?? err;
      }
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }),
    // A failure prints its seed and path: pass them here as { seed, path } to replay it.
    { numRuns: RUNS, verbose: 1 },
  );
  console.log(
    `fuzz: ${cases} cases over ${paths.length} procedures × 4 roles; answers ${JSON.stringify(Object.fromEntries(codes))}`,
  );
  expect(cases).toBeGreaterThanOrEqual(RUNS);
}, 600_000);
