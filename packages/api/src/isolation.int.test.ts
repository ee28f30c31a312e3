/**
 * One organisation never sees or touches another's data. Two real organisations: A (the demo organisation, with a
 * library, a sent and signed letter, threads, renders, attachments, an imported letter) and B (a second one with a
 * user of every role). Every tRPC procedure, read from the router, is called as each of B's users with A's ids: it
 * must answer NOT_FOUND, FORBIDDEN or a field error, or, where it answers, name nothing of A's. Then nothing of A's
 * has changed. The same inputs, called as A's own users, find their objects: the test would fail without the filter.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@innspill/db";
import {
  addHearingDocument,
  addHearingLink,
  addReviewComment,
  getCalendarFeed,
  getHearingDocument,
  getOutcomeReportFile,
  getRenderFile,
  getSignedDocument,
  exportHearingHistory,
  exportNoark,
  exportNoarkPeriod,
  type Actor,
} from "@innspill/domain";
import { seedDemoContent } from "@innspill/demo";
import { demoActors, sendDemoLetter } from "@innspill/demo/testing";
import { appRouter, createCaller } from "./root";
import { passkeyFixture, procedureInputs, radarFixture } from "./procedure-inputs.int";
import { setupFixture, type Fixture } from "./testing.int";
import type { Context } from "./trpc";

let fx: Fixture;
/** A's ids, by kind. */
let A: Record<string, string>;
/** Everything of A's that must not show in B's answers. */
let secrets: string[];
const B: Partial<Record<Role, Actor>> = {};
let fingerprint: () => Promise<string>;
let INPUTS: Record<string, () => unknown>;

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;

async function call(ctx: Context, path: string, input: unknown) {
  const caller = createCaller(ctx) as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<unknown>>
  >;
  const [ns, name] = path.split(".") as [string, string];
  try {
    return { code: "OK", result: await caller[ns]![name]!(input) };
  } catch (err) {
    if (err instanceof TRPCError) {
      const data = (err.cause as { fieldErrors?: Record<string, string[]> } | undefined) ?? {};
      return { code: err.code, result: null, fieldErrors: data.fieldErrors ?? null, message: err.message };
    }
    throw err;
  }
}

beforeAll(async () => {
  fx = await setupFixture();
  const db = fx.tdb.db;
  await seedDemoContent(db);
  const a = fx.actors;
  const demo = { ingrid: a.ADVISER, kaja: a.LEADER, admin: a.ADMIN } as Record<string, Actor>;
  demo.heidi = (await demoActors(db)).heidi!;
  const {
    id: submission,
    hearingId,
    snapshotSha256,
  } = await sendDemoLetter(db, demo, "2026-11-30", {
    // Attached while the case is open: a sent case takes no new documents.
    beforeSending: async ({ hearingId }) => {
      await addHearingDocument(
        db,
        { hearingId, filename: "notat.pdf", bytes: Buffer.from("%PDF-1.4\nInternt notat\n%%EOF\n") },
        a.ADVISER,
      );
    },
  });
  await addHearingLink(
    db,
    { hearingId, label: "Høringssiden", url: "https://www.regjeringen.no/x" },
    a.ADVISER,
  );
  const s2 = await db.submission.findFirstOrThrow({ where: { id: submission } });
  await addReviewComment(db, { submissionId: s2.id, body: "Intern kommentar" }, a.ADVISER);
  const org = a.ADVISER.organisationId;
  // An open hearing of A's with milestones and no letter yet.
  const open = (
    await call(fx.ctx("ADVISER"), "hearing.create", {
      title: "Høring – As åpne sak",
      issuingBodyId: (await db.issuingBody.findFirstOrThrow({ where: { organisationId: org } })).id,
      kind: "HORING",
      deadline: "2027-06-01",
    })
  ).result as { id: string };
  // A's yearly report, asked for (the worker's render is not needed to find it).
  const report = (await call(fx.ctx("LEADER"), "memory.requestReport", { year: 2026 })).result as {
    id: string;
  };
  A = {
    hearing: hearingId,
    outcomeReport: report.id,
    openHearing: open.id,
    submission,
    snapshot: snapshotSha256,
    milestone: (await db.milestone.findFirstOrThrow({ where: { hearingId: open.id } })).id,
    link: (await db.hearingLink.findFirstOrThrow({ where: { hearingId } })).id,
    document: (await db.hearingDocument.findFirstOrThrow({ where: { hearingId } })).id,
    notification: (await db.notification.findFirstOrThrow({ where: { user: { organisationId: org } } })).id,
    issuingBody: (await db.issuingBody.findFirstOrThrow({ where: { organisationId: org } })).id,
    position: (await db.position.findFirstOrThrow({ where: { organisationId: org } })).id,
    block: (await db.textBlock.findFirstOrThrow({ where: { organisationId: org } })).id,
    blockVersion: (await db.textBlockVersion.findFirstOrThrow({ where: { block: { organisationId: org } } }))
      .id,
    fact: (await db.fact.findFirstOrThrow({ where: { organisationId: org } })).id,
    signatory: (await db.signatory.findFirstOrThrow({ where: { organisationId: org } })).id,
    render: (await db.submissionRender.findFirstOrThrow({ where: { submissionId: submission } })).id,
    thread: (await db.reviewThread.findFirstOrThrow({ where: { submissionId: submission } })).id,
    user: a.ADVISER.id,
    ...(await radarFixture(db, org)),
    ...(await passkeyFixture(db, a.ADVISER.id, org)),
  };
  const titles = (await db.hearing.findMany({ where: { organisationId: org }, select: { title: true } })).map(
    (h) => h.title,
  );
  INPUTS = procedureInputs(A);
  secrets = [...Object.values(A), ...titles, "ingrid@nito.test", "Kaja Marienborg", "Internt notat"];

  // B: a real second organisation, with a user of every role and an issuing body of its own.
  const orgB = await db.organisation.create({
    data: { slug: "annen", name: "Annen forening", shortName: "AF" },
  });
  await db.issuingBody.create({
    data: { organisationId: orgB.id, name: "Bs departement", type: "DEPARTEMENT" },
  });
  for (const role of ["ADVISER", "LEADER", "ADMIN"] as const) {
    const u = await db.user.create({
      data: {
        organisationId: orgB.id,
        name: `B ${role}`,
        email: `${role.toLowerCase()}@annen.test`,
        role,
        passwordHash: "x",
      },
    });
    B[role] = { id: u.id, organisationId: orgB.id, role, name: u.name };
  }

  // What A has: every row of A's, as it is now.
  fingerprint = async () => {
    const rows = await Promise.all([
      db.hearing.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
      db.submission.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
      db.position.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
      db.textBlock.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
      db.fact.findMany({ where: { organisationId: org }, include: { values: true }, orderBy: { id: "asc" } }),
      db.issuingBody.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
      db.signatory.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
      db.user.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
      db.organisation.findUniqueOrThrow({ where: { id: org } }),
      db.milestone.findMany({ where: { hearing: { organisationId: org } }, orderBy: { id: "asc" } }),
      db.hearingLink.findMany({ where: { hearing: { organisationId: org } }, orderBy: { id: "asc" } }),
      db.hearingDocument.findMany({ where: { hearing: { organisationId: org } }, select: { id: true } }),
      db.reviewThread.findMany({
        where: { submission: { organisationId: org } },
        include: { comments: true },
      }),
      db.notification.findMany({ where: { user: { organisationId: org } }, orderBy: { id: "asc" } }),
      db.radarItem.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
      db.radarSource.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
      db.radarTopicFollow.findMany({ where: { topicId: A.topic }, orderBy: { userId: "asc" } }),
      db.passkey.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } }),
    ]);
    return JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v));
  };
}, 120_000);

afterAll(async () => {
  await fx?.close();
});

describe("two organisations", () => {
  it("has an input for every procedure of the router", () => {
    expect(Object.keys(INPUTS).sort()).toEqual(Object.keys(procedures).sort());
  });

  it("gives B's users nothing of A's, through any procedure, and changes nothing of A's", async () => {
    const before = await fingerprint();
    const leaks: string[] = [];
    for (const path of Object.keys(INPUTS)) {
      for (const role of ["ADVISER", "LEADER", "ADMIN"] as const) {
        const r = await call({ ...fx.ctx(role), actor: B[role]! }, path, INPUTS[path]!());
        expect(r.code, `${path} as B's ${role}: ${r.message ?? ""}`).not.toBe("INTERNAL_SERVER_ERROR");
        if (r.code !== "OK") continue;
        const text = JSON.stringify(r.result ?? null);
        for (const s of secrets) if (text.includes(s)) leaks.push(`${path} as B's ${role} shows «${s}»`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await fingerprint()).toBe(before);
  }, 120_000);

  it("finds A's objects with the same inputs when A's own users call (the filter is what refuses B)", async () => {
    const notFound: string[] = [];
    for (const path of Object.keys(INPUTS)) {
      const codes = [];
      for (const role of ["ADVISER", "LEADER", "ADMIN"] as const)
        codes.push((await call(fx.ctx(role), path, INPUTS[path]!())).code);
      if (codes.every((c) => c === "NOT_FOUND")) notFound.push(path);
    }
    expect(notFound).toEqual([]);
  }, 120_000);

  it("serves no file, feed, extract or history of A's to B's users (what the route handlers call)", async () => {
    for (const role of ["ADVISER", "LEADER", "ADMIN"] as const) {
      const b = B[role]!;
      const refused = async (p: Promise<unknown>) =>
        p.then(
          () => "OK",
          (e: { code?: string }) => e.code ?? "ERROR",
        );
      expect(await refused(getHearingDocument(fx.tdb.db, A.document!, b))).toBe("NOT_FOUND");
      expect(await refused(getRenderFile(fx.tdb.db, { id: A.render, kind: "pdf" }, b))).toBe("NOT_FOUND");
      expect(await refused(getOutcomeReportFile(fx.tdb.db, { id: A.outcomeReport, kind: "pdf" }, b))).toBe(
        "NOT_FOUND",
      );
      expect(await refused(getSignedDocument(fx.tdb.db, { id: A.submission }, b))).toBe("NOT_FOUND");
      expect(await refused(exportHearingHistory(fx.tdb.db, { id: A.hearing }, b))).toBe("NOT_FOUND");
      expect(await refused(exportNoark(fx.tdb.db, { id: A.hearing }, b))).toBe("NOT_FOUND");
      // B's own period extract holds none of A's cases (or there is nothing to extract).
      const period = await exportNoarkPeriod(fx.tdb.db, { from: "2026-01-01", to: "2026-12-31" }, b).catch(
        (e: { code?: string }) => ({ refused: e.code }),
      );
      const text = JSON.stringify(period, (_k, v) =>
        v instanceof Uint8Array ? Buffer.from(v).toString("latin1") : v,
      );
      expect(text).not.toContain(A.hearing);
    }
    // A calendar feed is B's own: none of A's deadlines in it.
    const token = await fx.tdb.db.user.update({
      where: { id: B.ADVISER!.id },
      data: { calendarToken: "b-token-of-twenty-chars-or-more" },
    });
    const feed = await getCalendarFeed(fx.tdb.db, token.calendarToken!);
    for (const s of secrets) expect(String(feed)).not.toContain(s);
  });
});
