/** For tests: the seeded demo users as actors, keyed by the local part of their e-mail ("ingrid", "admin", …). */
import type { Db } from "@innspill/db";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";
import {
  approveSubmission,
  getSubmission,
  inlineJobs,
  reauthenticate,
  recordSending,
  requestApproval,
  sendForReview,
  signSubmission,
  type Actor,
} from "@innspill/domain";
import { SESSION_ABSOLUTE_MS } from "@innspill/domain/session";
import { renderSignedDocument } from "@innspill/domain/worker";
import { seedDemoContent } from "./content";
import { DEMO_PASSWORD, seedDemoData } from "./data";

export async function demoActors(db: Db): Promise<Record<string, Actor>> {
  const users = await db.user.findMany();
  return Object.fromEntries(
    await Promise.all(
      users.map(async (u) => [
        u.email.split("@")[0]!,
        await withSession(db, { id: u.id, organisationId: u.organisationId, role: u.role, name: u.name }),
      ]),
    ),
  );
}

/**
 * The actor as a signed-in user: with a server session of their own, as the web gives every request (re-authentication
 * for signing belongs to a session).
 */
export async function withSession(db: Db, actor: Actor): Promise<Actor> {
  const session = await db.session.create({
    data: { userId: actor.id, expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS) },
  });
  return { ...actor, sessionId: session.id };
}

/** For integration tests: a database of the test file's own, with the demo data, and its users as actors. */
export async function createDemoDatabase(
  options: { content?: boolean } = {},
): Promise<{ t: TestDatabase; actors: Record<string, Actor> }> {
  const t = await createTestDatabase();
  await seedDemoData(t.db);
  // The demo library, signatories and letter (off by default: library tests count what they make).
  if (options.content) await seedDemoContent(t.db);
  return { t, actors: await demoActors(t.db) };
}

/**
 * The demo letter through review, approval by Kaja and signatures by Kaja and Heidi, with no job queued: the state a
 * lost finalize job leaves. For tests of what makes the signed document.
 */
export async function signDemoLetter(db: Db, a: Record<string, Actor>) {
  const s = await db.submission.findFirstOrThrow();
  const id = s.id;
  const version = async () => (await getSubmission(db, { id }, a.ingrid!)).version;
  await sendForReview(db, { id, version: await version() }, a.ingrid!);
  const { snapshotSha256 } = await requestApproval(
    db,
    { id, version: await version() },
    a.ingrid!,
    inlineJobs,
  );
  await approveSubmission(db, { id, snapshotSha256 }, a.kaja!);
  for (const leader of [a.kaja!, a.heidi!]) {
    await reauthenticate(db, { password: DEMO_PASSWORD }, leader);
    await signSubmission(db, { id, snapshotSha256 }, leader, { ip: null, userAgent: null }, inlineJobs);
  }
  return { id, hearingId: s.hearingId, snapshotSha256 };
}

/**
 * The demo letter the whole way: signed (signDemoLetter), the signed PDF, and the sending by e-mail on `sentOn`. For
 * tests that need a sent case.
 */
export async function sendDemoLetter(
  db: Db,
  a: Record<string, Actor>,
  sentOn: string,
  options: {
    /** Runs while the case is still open (a sent case takes no new documents): attach what the test needs. */
    beforeSending?: (signed: { hearingId: string; signedPdf: Buffer }) => Promise<void>;
  } = {},
) {
  const { id, hearingId, snapshotSha256 } = await signDemoLetter(db, a);
  await renderSignedDocument(
    db,
    { submissionId: id, snapshotSha256 },
    { publicUrl: "http://localhost:3000" },
  );
  if (options.beforeSending) {
    const signed = await db.signedDocument.findUniqueOrThrow({ where: { submissionId: id } });
    const file = await db.storedFile.findUniqueOrThrow({ where: { sha256: signed.pdfSha256 } });
    await options.beforeSending({ hearingId, signedPdf: Buffer.from(file.content) });
  }
  await recordSending(
    db,
    { id, sentOn, channel: "EPOST", recipient: "Helse- og omsorgsdepartementet" },
    a.ingrid!,
  );
  return { id, hearingId, snapshotSha256 };
}

/** For isolation tests: a second, real organisation with one adviser, as an actor. */
export async function createOtherOrganisation(db: Db, slug: string): Promise<Actor> {
  const org = await db.organisation.create({
    data: { slug, name: `Forening ${slug}`, shortName: slug.slice(0, 4) },
  });
  const user = await db.user.create({
    data: {
      organisationId: org.id,
      name: "Rådgiver",
      email: `r@${slug}.test`,
      role: "ADVISER",
      passwordHash: "x",
    },
  });
  return { id: user.id, organisationId: org.id, role: "ADVISER", name: "Rådgiver" };
}
