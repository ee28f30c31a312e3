/**
 * Many organisations on one server: `tenants` organisations of the same shape, written with a few set-based INSERT …
 * SELECT statements (generate_series in PostgreSQL, no rows through Node), so a hundred tenants of 1 000 hearings,
 * 5 000 positions and 200 letters each take minutes, not hours. Used by `npm run bench tenants` and, at a small size,
 * by `tenants.int.test.ts` (every organisation-scoped list keeps to its index).
 *
 * Each tenant gets five users (an admin, a leader, three advisers), 10 issuing bodies, 12 topics, hearings over ten
 * years with four milestones and a topic each (the last weeks' open, the rest closed with a decision), positions in
 * the words of real letters, 100 published text blocks, letters on answered hearings with two position uses each,
 * and 20 notifications per user. Slugs are `tenant-001` …; the organisation in the middle is the one measured.
 */
import type { Db } from "@innspill/db";

export interface TenantSize {
  tenants: number;
  hearings: number;
  positions: number;
  letters: number;
  blocks?: number;
}

const WORDS = (
  "bioingeniører ingeniører teknologer helseforetak sykehus laboratoriet kompetanse rekruttering utdanning " +
  "studieplasser praksisplasser kommunene primærhelsetjenesten spesialisthelsetjenesten digitalisering " +
  "informasjonssikkerhet personvern innovasjon forskning finansiering beredskap pasientsikkerhet kvalitet analyser " +
  "prøvetaking medisinsk teknisk utstyr automatisering kunstig intelligens samarbeid tverrfaglig helsetjenesten " +
  "regjeringen departementet nasjonal plan sikre styrke øke flere bedre viktig behov mangel økende framtida " +
  "helsepersonell ortopediingeniører radiografer arbeidsgivere ansatte lønn fagmiljø energi klima samferdsel " +
  "vegvesen jernbane bygg anlegg byggesak plan- og bygningsloven teknisk forskrift vann avløp strøm nett havvind"
).split(" ");

/** `n` words picked from WORDS by the integer expression `seed` (SQL), deterministic. */
const words = (seed: string, n: number) =>
  `array_to_string(ARRAY(SELECT (ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}])[1 + ((${seed}) * (7 + k * 13) + k * k * 31) % ${WORDS.length}]
                        FROM generate_series(0, ${n - 1}) k), ' ')`;

/** The tenants' organisation ids, in slug order (made once: a second call finds them, and adds any missing). */
export async function buildTenants(db: Db, size: TenantSize): Promise<string[]> {
  const blocks = size.blocks ?? 100;
  const existing = await db.organisation.findMany({
    where: { slug: { startsWith: "tenant-" } },
    orderBy: { slug: "asc" },
    select: { id: true },
  });
  if (existing.length >= size.tenants) return existing.map((o) => o.id);
  const sql = (s: string) => db.$executeRawUnsafe(s);
  await sql(`
    INSERT INTO "Organisation" (id, slug, name, "shortName", "updatedAt")
    SELECT gen_random_uuid(), 'tenant-' || lpad(t::text, 3, '0'), 'Forbund ' || t, 'F' || t, now()
      FROM generate_series(${existing.length + 1}, ${size.tenants}) t`);
  // The tenants made now (a smaller run's are kept).
  const tenants = `(SELECT id, substr(slug, 8)::int AS t FROM "Organisation"
                     WHERE slug LIKE 'tenant-%' AND substr(slug, 8)::int > ${existing.length})`;
  await sql(`
    INSERT INTO "User" (id, "organisationId", name, email, role, "passwordHash", "updatedAt")
    SELECT gen_random_uuid(), o.id, 'Person ' || u || ' i ' || o.t, 'person' || u || '@tenant' || o.t || '.test',
           (CASE u WHEN 1 THEN 'ADMIN' WHEN 2 THEN 'LEADER' ELSE 'ADVISER' END)::"Role", 'x', now()
      FROM ${tenants} o, generate_series(1, 5) u`);
  await sql(`
    INSERT INTO "IssuingBody" (id, "organisationId", name, type)
    SELECT gen_random_uuid(), o.id, 'Direktorat ' || b, 'DIREKTORAT' FROM ${tenants} o, generate_series(1, 10) b`);
  await sql(`
    INSERT INTO "Topic" (id, "organisationId", name)
    SELECT gen_random_uuid(), o.id, 'Tema ' || k FROM ${tenants} o, generate_series(1, 12) k`);
  // Hearings: one every 3.65 days back from a fixed day, so about two months' worth are still open.
  await sql(`
    WITH o AS (SELECT t.id, t.t,
                      (SELECT array_agg(id ORDER BY name) FROM "IssuingBody" WHERE "organisationId" = t.id) AS bodies,
                      (SELECT array_agg(id ORDER BY email) FROM "User" WHERE "organisationId" = t.id AND role = 'ADVISER') AS advisers
                 FROM ${tenants} t),
         h AS (SELECT o.*, i, (current_date + 60 - (i * 365 / 100))::date AS deadline
                 FROM o, generate_series(1, ${size.hearings}) i)
    INSERT INTO "Hearing" (id, "organisationId", title, "issuingBodyId", kind, deadline, "receivedDate", status,
                           "responsibleId", summary, decision, "decidedAt", "updatedAt")
    SELECT gen_random_uuid(), h.id, 'Høring om ' || ${words("h.i + h.t", 6)} || ' (' || h.i || ')',
           h.bodies[1 + h.i % 10], (ARRAY['HORING','HORING','INNSPILL','STORTINGSMELDING'])[1 + h.i % 4]::"HearingKind",
           h.deadline, h.deadline - 42,
           (CASE WHEN h.deadline > current_date - 7
                 THEN (ARRAY['REGISTRERT','VURDERES','UNDER_ARBEID','TIL_GJENNOMGANG'])[1 + h.i % 4]
                 ELSE (ARRAY['ARKIVERT','ARKIVERT','SENDT','SVARER_IKKE'])[1 + h.i % 4] END)::"HearingStatus",
           h.advisers[1 + h.i % 3], ${words("h.i * 3 + h.t", 20)},
           (CASE WHEN h.deadline > current_date - 7 THEN NULL WHEN h.i % 4 = 3 THEN 'SVARER_IKKE' ELSE 'SVARER' END)::"HearingDecision",
           CASE WHEN h.deadline > current_date - 7 THEN NULL ELSE h.deadline - 30 END,
           now() - (h.i || ' hours')::interval
      FROM h`);
  await sql(`
    INSERT INTO "Milestone" (id, "hearingId", kind, "offsetDays", "dueDate", "doneAt")
    SELECT gen_random_uuid(), h.id, (ARRAY['UTKAST','GJENNOMGANG','GODKJENNING','SIGNERING'])[k]::"MilestoneKind",
           13 - 3 * k, h.deadline - (18 - 4 * k),
           CASE WHEN h.status IN ('SENDT', 'ARKIVERT') THEN h.deadline::timestamp END
      FROM "Hearing" h JOIN ${tenants} o ON o.id = h."organisationId", generate_series(1, 4) k`);
  await sql(`
    INSERT INTO "HearingTopic" ("hearingId", "topicId")
    SELECT h.id, (SELECT id FROM "Topic" t WHERE t."organisationId" = h."organisationId"
                   ORDER BY t.name OFFSET (abs(hashtext(h.id::text)) % 12) LIMIT 1)
      FROM "Hearing" h JOIN ${tenants} o ON o.id = h."organisationId"`);
  await sql(`
    INSERT INTO "Position" (id, "organisationId", statement, topics, status, "updatedAt")
    SELECT gen_random_uuid(), o.id, initcap(${words("p * 5 + o.t", 14)}) || '.',
           ARRAY[(ARRAY['helse','utdanning','energi','samferdsel','digitalisering','arbeidsliv'])[1 + p % 6]],
           (CASE WHEN p % 20 = 0 THEN 'RETIRED' ELSE 'ACTIVE' END)::"PositionStatus",
           now() - (p || ' minutes')::interval
      FROM ${tenants} o, generate_series(1, ${size.positions}) p`);
  // Text blocks, published: the version first, then the block names it (the trigger copies its search columns).
  await sql(`
    INSERT INTO "TextBlock" (id, "organisationId", heading, body, topics, "updatedAt")
    SELECT gen_random_uuid(), o.id, initcap(${words("b + o.t", 4)}) || ' ' || b, '{"type":"doc","content":[]}',
           ARRAY['helse'], now() - (b || ' hours')::interval
      FROM ${tenants} o, generate_series(1, ${blocks}) b`);
  await sql(`
    INSERT INTO "TextBlockVersion" (id, "blockId", number, heading, body, "plainText", topics, reason)
    SELECT gen_random_uuid(), b.id, 1, b.heading, b.body, ${words("abs(hashtext(b.id::text)) % 100000", 60)},
           b.topics, 'Første versjon'
      FROM "TextBlock" b JOIN ${tenants} o ON o.id = b."organisationId"`);
  await sql(`
    UPDATE "TextBlock" b SET "publishedVersionId" = v.id FROM "TextBlockVersion" v, ${tenants} o
     WHERE v."blockId" = b.id AND o.id = b."organisationId"`);
  // Letters, sent, on the most recent answered hearings of each tenant.
  await sql(`
    INSERT INTO "Submission" (id, "organisationId", "hearingId", status, title, place, date,
                              "letterheadOrganisation", "updatedAt")
    SELECT gen_random_uuid(), h."organisationId", h.id, 'SENT', 'Høringssvar – ' || h.title, 'Oslo', h.deadline - 1,
           'Forbundet', h.deadline::timestamp
      FROM (SELECT h.*, row_number() OVER (PARTITION BY h."organisationId" ORDER BY h.deadline DESC) AS n
              FROM "Hearing" h JOIN ${tenants} o ON o.id = h."organisationId"
             WHERE h.status IN ('SENDT', 'ARKIVERT')) h
     WHERE h.n <= ${size.letters}`);
  await sql(`
    INSERT INTO "SubmissionSection" (id, "submissionId", position, kind, body)
    SELECT gen_random_uuid(), s.id, k, 'FREE',
           jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
             'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', s.title)))))
      FROM "Submission" s JOIN ${tenants} o ON o.id = s."organisationId", generate_series(0, 2) k`);
  // Two uses per letter, of positions spread over the library: what Innsikt counts.
  await sql(`
    WITH p AS (SELECT id, "organisationId", row_number() OVER (PARTITION BY "organisationId" ORDER BY id) AS n
                 FROM "Position" WHERE "organisationId" IN (SELECT id FROM ${tenants} o)),
         s AS (SELECT s.*, row_number() OVER (PARTITION BY s."organisationId" ORDER BY s.id) AS n
                 FROM "Submission" s WHERE s."organisationId" IN (SELECT id FROM ${tenants} o))
    INSERT INTO "PositionUsage" (id, "positionId", "hearingId", "submissionId", origin, "usedOn", recipient, wording)
    SELECT gen_random_uuid(), p.id, s."hearingId", s.id, 'composed', s.date, 'Direktorat ' || (s.n % 10), s.title
      FROM s, generate_series(0, 1) k
      JOIN LATERAL (SELECT * FROM p WHERE p."organisationId" = s."organisationId"
                     AND p.n = 1 + ((s.n * 37 + k * 11) % ${size.positions})) p ON true`);
  await sql(`
    INSERT INTO "Notification" (id, "userId", kind, title, body, "createdAt", "readAt")
    SELECT gen_random_uuid(), u.id, 'reminder', 'Frist nærmer seg', 'En høring har frist snart',
           now() - (n || ' hours')::interval, CASE WHEN n > 5 THEN now() END
      FROM "User" u JOIN ${tenants} o ON o.id = u."organisationId", generate_series(1, 20) n`);
  await sql(`VACUUM ANALYZE`);
  return (
    await db.organisation.findMany({
      where: { slug: { startsWith: "tenant-" } },
      orderBy: { slug: "asc" },
      select: { id: true },
    })
  ).map((o) => o.id);
}
