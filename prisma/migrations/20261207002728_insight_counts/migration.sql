-- CreateTable
CREATE TABLE "PositionUsageSummary" (
    "positionId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "status" "PositionStatus" NOT NULL,
    "statement" TEXT NOT NULL,
    "topics" TEXT[],
    "times" INTEGER NOT NULL,
    "lastUsed" DATE,
    "letters" INTEGER NOT NULL,
    "recipients" TEXT[],

    CONSTRAINT "PositionUsageSummary_pkey" PRIMARY KEY ("positionId")
);

-- CreateTable
CREATE TABLE "PositionTopicUsage" (
    "organisationId" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "times" INTEGER NOT NULL,
    "lastUsed" DATE,

    CONSTRAINT "PositionTopicUsage_pkey" PRIMARY KEY ("organisationId","topic")
);

-- CreateTable
CREATE TABLE "HearingDecisionCount" (
    "organisationId" UUID NOT NULL,
    "quarter" DATE NOT NULL,
    "decision" "HearingDecision" NOT NULL,
    "hearings" INTEGER NOT NULL,

    CONSTRAINT "HearingDecisionCount_pkey" PRIMARY KEY ("organisationId","quarter","decision")
);

-- CreateIndex
CREATE INDEX "PositionUsageSummary_organisationId_status_lastUsed_idx" ON "PositionUsageSummary"("organisationId", "status", "lastUsed");


-- Innsikt at scale (issue #34), after `position_counts`: what Innsikt reads stops growing with an organisation's
-- history. Its most used positions, those not used lately and its topic chart read per-position and per-topic sums of
-- the usages, and its quarters chart (Oversikt's too) per-quarter counts of decided hearings, all kept by the
-- database in the writing transaction, instead of aggregating every usage (three times) and every decided hearing.
-- Written partly by hand: expression indexes, functions and triggers are not Prisma's.

-- The most used positions in Innsikt's order (times, then the statement: its first 200 characters, as
-- `Position_unused_order_idx`, since a statement may be longer than a btree entry may be), read until the page is full.
CREATE INDEX "PositionUsageSummary_order_idx"
  ON "PositionUsageSummary"("organisationId", "times" DESC, left("statement", 200), "positionId");

-- The letters not sent yet (Innsikt's retired positions still in drafts), not every letter of the organisation.
CREATE INDEX "Submission_unsent_idx" ON "Submission"("organisationId") WHERE "status" NOT IN ('SIGNED', 'SENT');

-- ── Locks ─────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Every writer of Innsikt's kept rows of an organisation (PositionTopicCount, PositionStatusCount, PositionUsageSummary,
-- PositionTopicUsage) first takes that organisation's advisory lock, the one `position_counts_add` takes, in the order
-- of the organisations, and keeps it to its commit: writers of one organisation wait for each other instead of
-- deadlocking on the kept rows (a letter sent records its uses one statement at a time, in any order). Statements that
-- change nothing Innsikt keeps take nothing.
CREATE FUNCTION "insight_lock"(orgs uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT DISTINCT x FROM unnest(orgs) AS x WHERE x IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('position_counts'), hashtext(org::text));
  END LOOP;
END;
$fn$;

-- ── Uses per position ─────────────────────────────────────────────────────────────────────────────────────────────
-- Adds a statement's change to the uses of positions `ids` (sorted): `ns` uses more (or fewer). The rest is read from
-- the position's usages (`PositionUsage_positionId_usedOn_idx`) once the organisation's lock is held (so, in READ
-- COMMITTED, with every earlier writer's usages): in how many letters and to whom, as Innsikt counted them, and the
-- last use, which a statement that only added usages can only move later (`exact` when it removed or changed some).
-- A new row copies the position's status, statement and topics. Rows at zero are removed; below zero the counts have
-- drifted, and the statement fails.
CREATE FUNCTION "position_usage_summary_add"(ids uuid[], ns int[], exact boolean) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  lowest int;
BEGIN
  IF ids IS NULL THEN
    RETURN;
  END IF;
  PERFORM "insight_lock"(ARRAY(SELECT p."organisationId" FROM "Position" p WHERE p.id = ANY (ids)));
  INSERT INTO "PositionUsageSummary" AS s
         ("positionId", "organisationId", "status", "statement", "topics", "times", "lastUsed", "letters", "recipients")
  SELECT p.id, p."organisationId", p.status, p.statement, p.topics, x.n, r.last, r.letters, r.recipients
    FROM unnest(ids, ns) AS x(k, n) JOIN "Position" p ON p.id = x.k
   CROSS JOIN LATERAL (
         SELECT max(u."usedOn") AS last,
                count(DISTINCT coalesce(u."submissionId", u."importedLetterId", u.id))::int AS letters,
                array_remove(array_agg(DISTINCT u.recipient), NULL) AS recipients
           FROM "PositionUsage" u WHERE u."positionId" = x.k) r
   ORDER BY p.id
  ON CONFLICT ("positionId") DO UPDATE
     SET "times" = s."times" + excluded."times",
         "lastUsed" = CASE WHEN exact THEN excluded."lastUsed" ELSE greatest(s."lastUsed", excluded."lastUsed") END,
         "letters" = excluded."letters", "recipients" = excluded."recipients";
  IF 0 > ANY (ns) THEN
    WITH gone AS (
      DELETE FROM "PositionUsageSummary" s WHERE s."positionId" = ANY (ids) AND s."times" <= 0 RETURNING s."times")
    SELECT min("times") INTO lowest FROM gone;
    IF lowest < 0 THEN
      RAISE EXCEPTION 'PositionUsageSummary below zero: the uses have drifted from "PositionUsage"';
    END IF;
  END IF;
END;
$fn$;

CREATE FUNCTION "position_usage_summary_insert"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids uuid[]; ns int[];
BEGIN
  SELECT array_agg(k ORDER BY k), array_agg(n ORDER BY k) INTO ids, ns
    FROM (SELECT "positionId" AS k, count(*)::int AS n FROM new_rows GROUP BY 1) x;
  PERFORM "position_usage_summary_add"(ids, ns, false);
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION "position_usage_summary_delete"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids uuid[]; ns int[];
BEGIN
  SELECT array_agg(k ORDER BY k), array_agg(n ORDER BY k) INTO ids, ns
    FROM (SELECT "positionId" AS k, -count(*)::int AS n FROM old_rows GROUP BY 1) x;
  PERFORM "position_usage_summary_add"(ids, ns, true);
  RETURN NULL;
END;
$fn$;

-- An update counts when it changes what Innsikt shows of a use (its position, day, recipient or letter): the
-- positions of the rows changed so, with their change in uses (zero when a use stays with its position), read again.
CREATE FUNCTION "position_usage_summary_update"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids uuid[]; ns int[];
BEGIN
  SELECT array_agg(k ORDER BY k), array_agg(n ORDER BY k) INTO ids, ns
    FROM (SELECT c.k, sum(c.n)::int AS n
            FROM ((SELECT "positionId" AS k, 1 AS n, id, "usedOn", recipient, "submissionId", "importedLetterId"
                     FROM new_rows
                   EXCEPT ALL
                   SELECT "positionId", 1, id, "usedOn", recipient, "submissionId", "importedLetterId" FROM old_rows)
                  UNION ALL
                  (SELECT "positionId", -1, id, "usedOn", recipient, "submissionId", "importedLetterId" FROM old_rows
                   EXCEPT ALL
                   SELECT "positionId", -1, id, "usedOn", recipient, "submissionId", "importedLetterId"
                     FROM new_rows)) c
           GROUP BY c.k) x;
  PERFORM "position_usage_summary_add"(ids, ns, true);
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION "position_usage_summary_truncate"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM "PositionUsageSummary";
  RETURN NULL;
END;
$fn$;

-- ── Uses per topic ────────────────────────────────────────────────────────────────────────────────────────────────
-- From the changes of PositionUsageSummary (uses, last use, or a position's topics): per organisation and topic (as
-- the position counts: a topic named twice counts twice, none is "(uten tema)"), the uses added and removed, and the
-- last use: the latest of the rows added, unless a row removed had a later one, when it is read again from the
-- organisation's used positions (a use deleted, a day moved back, a topic taken off a used position: rare).
CREATE FUNCTION "position_topic_usage_add"(t_orgs uuid[], t_topics text[], t_times int[], t_lasts date[], t_signs int[])
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  o_orgs uuid[]; o_keys text[]; o_ns int[]; o_lasts date[]; o_again boolean[];
  lowest int;
BEGIN
  -- Per organisation and topic: the change in uses, the latest last use added (l) and removed (lo).
  SELECT array_agg(o ORDER BY o, k), array_agg(k ORDER BY o, k), array_agg(n ORDER BY o, k),
         array_agg(l ORDER BY o, k), array_agg(coalesce(lo > coalesce(l, '-infinity'::date), false) ORDER BY o, k)
    INTO o_orgs, o_keys, o_ns, o_lasts, o_again
    FROM (SELECT x.o, x.k, sum(x.sign * x.n)::int AS n, max(x.l) FILTER (WHERE x.sign > 0) AS l,
                 max(x.l) FILTER (WHERE x.sign < 0) AS lo
            FROM unnest(t_orgs, t_topics, t_times, t_lasts, t_signs) AS x(o, k, n, l, sign)
           WHERE x.k IS NOT NULL
           GROUP BY 1, 2) y
   -- What changes: the uses, or the last use (a changed statement copied changes neither, and takes nothing).
   WHERE y.n <> 0 OR y.l IS DISTINCT FROM y.lo;
  IF o_orgs IS NULL THEN
    RETURN;
  END IF;
  PERFORM "insight_lock"(o_orgs);
  INSERT INTO "PositionTopicUsage" AS c ("organisationId", "topic", "times", "lastUsed")
  SELECT o, k, n, l FROM unnest(o_orgs, o_keys, o_ns, o_lasts, o_again) AS x(o, k, n, l, r) WHERE NOT r
  ON CONFLICT ("organisationId", "topic") DO UPDATE
     SET "times" = c."times" + excluded."times", "lastUsed" = greatest(c."lastUsed", excluded."lastUsed");
  INSERT INTO "PositionTopicUsage" AS c ("organisationId", "topic", "times", "lastUsed")
  SELECT o, k, n, (SELECT max(s."lastUsed") FROM "PositionUsageSummary" s
                    WHERE s."organisationId" = x.o AND x.k = ANY ("position_count_topics"(s.topics)))
    FROM unnest(o_orgs, o_keys, o_ns, o_lasts, o_again) AS x(o, k, n, l, r) WHERE r
  ON CONFLICT ("organisationId", "topic") DO UPDATE
     SET "times" = c."times" + excluded."times", "lastUsed" = excluded."lastUsed";
  IF 0 > ANY (o_ns) THEN
    WITH gone AS (
      DELETE FROM "PositionTopicUsage" c USING unnest(o_orgs, o_keys) AS x(o, k)
       WHERE c."organisationId" = x.o AND c."topic" = x.k AND c."times" <= 0
      RETURNING c."times")
    SELECT min("times") INTO lowest FROM gone;
    IF lowest < 0 THEN
      RAISE EXCEPTION 'PositionTopicUsage below zero: the uses have drifted from "PositionUsageSummary"';
    END IF;
  END IF;
END;
$fn$;

-- One function per event (a function's static SQL names its transition tables): each summary row added or removed,
-- once per topic it is counted under.
CREATE FUNCTION "position_topic_usage_insert"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  t_orgs uuid[]; t_topics text[]; t_times int[]; t_lasts date[]; t_signs int[];
BEGIN
  SELECT array_agg(r."organisationId"), array_agg(t.topic), array_agg(r.times), array_agg(r."lastUsed"), array_agg(1)
    INTO t_orgs, t_topics, t_times, t_lasts, t_signs
    FROM new_rows r CROSS JOIN LATERAL unnest("position_count_topics"(r.topics)) AS t(topic);
  PERFORM "position_topic_usage_add"(t_orgs, t_topics, t_times, t_lasts, t_signs);
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION "position_topic_usage_delete"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  t_orgs uuid[]; t_topics text[]; t_times int[]; t_lasts date[]; t_signs int[];
BEGIN
  SELECT array_agg(r."organisationId"), array_agg(t.topic), array_agg(r.times), array_agg(r."lastUsed"), array_agg(-1)
    INTO t_orgs, t_topics, t_times, t_lasts, t_signs
    FROM old_rows r CROSS JOIN LATERAL unnest("position_count_topics"(r.topics)) AS t(topic);
  PERFORM "position_topic_usage_add"(t_orgs, t_topics, t_times, t_lasts, t_signs);
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION "position_topic_usage_update"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  t_orgs uuid[]; t_topics text[]; t_times int[]; t_lasts date[]; t_signs int[];
BEGIN
  SELECT array_agg(r.o), array_agg(t.topic), array_agg(r.times), array_agg(r.last), array_agg(r.sign)
    INTO t_orgs, t_topics, t_times, t_lasts, t_signs
    FROM (SELECT n."organisationId" AS o, n.topics, n.times, n."lastUsed" AS last, 1 AS sign FROM new_rows n
          UNION ALL
          SELECT d."organisationId", d.topics, d.times, d."lastUsed", -1 FROM old_rows d) r
   CROSS JOIN LATERAL unnest("position_count_topics"(r.topics)) AS t(topic);
  PERFORM "position_topic_usage_add"(t_orgs, t_topics, t_times, t_lasts, t_signs);
  RETURN NULL;
END;
$fn$;

-- ── A position's copy ─────────────────────────────────────────────────────────────────────────────────────────────
-- A used position's status, statement or topics changed: its summary row follows (and its uses move between topics,
-- by the trigger above). The organisations' lock first, then the rows. (A position with uses cannot be deleted:
-- its usages refer to it.)
CREATE FUNCTION "position_usage_summary_copy"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  orgs uuid[];
BEGIN
  SELECT array_agg(DISTINCT n."organisationId") INTO orgs
    FROM new_rows n JOIN "PositionUsageSummary" s ON s."positionId" = n.id
   WHERE (s.status, s.statement, s.topics) IS DISTINCT FROM (n.status, n.statement, n.topics);
  IF orgs IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM "insight_lock"(orgs);
  UPDATE "PositionUsageSummary" s SET "status" = n.status, "statement" = n.statement, "topics" = n.topics
    FROM new_rows n
   WHERE s."positionId" = n.id AND (s.status, s.statement, s.topics) IS DISTINCT FROM (n.status, n.statement, n.topics);
  RETURN NULL;
END;
$fn$;

-- ── Decisions per quarter ─────────────────────────────────────────────────────────────────────────────────────────
-- Hearings with a decision and its time, per organisation, quarter (of the decision in Oslo time) and decision. An
-- update counts its new rows less its old ones (most hearing updates change no decision and take nothing). Each
-- organisation's own advisory lock first.
CREATE FUNCTION "hearing_decision_counts_add"(orgs uuid[], quarters date[], decisions "HearingDecision"[], ns int[])
RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  org uuid;
  lowest int;
BEGIN
  IF orgs IS NULL THEN
    RETURN;
  END IF;
  FOR org IN SELECT DISTINCT x FROM unnest(orgs) AS x ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('hearing_decision_counts'), hashtext(org::text));
  END LOOP;
  INSERT INTO "HearingDecisionCount" AS c ("organisationId", "quarter", "decision", "hearings")
  SELECT * FROM unnest(orgs, quarters, decisions, ns)
  ON CONFLICT ("organisationId", "quarter", "decision") DO UPDATE SET "hearings" = c."hearings" + excluded."hearings";
  IF 0 > ANY (ns) THEN
    WITH gone AS (
      DELETE FROM "HearingDecisionCount" c USING unnest(orgs, quarters, decisions) AS x(o, q, d)
       WHERE c."organisationId" = x.o AND c."quarter" = x.q AND c."decision" = x.d AND c."hearings" <= 0
      RETURNING c."hearings")
    SELECT min("hearings") INTO lowest FROM gone;
    IF lowest < 0 THEN
      RAISE EXCEPTION 'HearingDecisionCount below zero: the counts have drifted from "Hearing"';
    END IF;
  END IF;
END;
$fn$;

-- The quarter a decision counts in: as Oversikt and Innsikt counted it (the time is stored in UTC).
CREATE FUNCTION "hearing_decision_quarter"(decided timestamp) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT date_trunc('quarter', (decided AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Oslo')::date
$$;

CREATE FUNCTION "hearing_decision_counts_insert"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  orgs uuid[]; quarters date[]; decisions "HearingDecision"[]; ns int[];
BEGIN
  SELECT array_agg(o ORDER BY o, q, d), array_agg(q ORDER BY o, q, d), array_agg(d ORDER BY o, q, d),
         array_agg(n ORDER BY o, q, d)
    INTO orgs, quarters, decisions, ns
    FROM (SELECT "organisationId" AS o, "hearing_decision_quarter"("decidedAt") AS q, decision AS d, count(*)::int AS n
            FROM new_rows WHERE decision IS NOT NULL AND "decidedAt" IS NOT NULL GROUP BY 1, 2, 3) x;
  PERFORM "hearing_decision_counts_add"(orgs, quarters, decisions, ns);
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION "hearing_decision_counts_delete"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  orgs uuid[]; quarters date[]; decisions "HearingDecision"[]; ns int[];
BEGIN
  SELECT array_agg(o ORDER BY o, q, d), array_agg(q ORDER BY o, q, d), array_agg(d ORDER BY o, q, d),
         array_agg(n ORDER BY o, q, d)
    INTO orgs, quarters, decisions, ns
    FROM (SELECT "organisationId" AS o, "hearing_decision_quarter"("decidedAt") AS q, decision AS d, -count(*)::int AS n
            FROM old_rows WHERE decision IS NOT NULL AND "decidedAt" IS NOT NULL GROUP BY 1, 2, 3) x;
  PERFORM "hearing_decision_counts_add"(orgs, quarters, decisions, ns);
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION "hearing_decision_counts_update"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  orgs uuid[]; quarters date[]; decisions "HearingDecision"[]; ns int[];
BEGIN
  SELECT array_agg(o ORDER BY o, q, d), array_agg(q ORDER BY o, q, d), array_agg(d ORDER BY o, q, d),
         array_agg(n ORDER BY o, q, d)
    INTO orgs, quarters, decisions, ns
    FROM (SELECT c.o, "hearing_decision_quarter"(c.at) AS q, c.d, sum(c.n)::int AS n
            FROM (SELECT "organisationId" AS o, "decidedAt" AS at, decision AS d, 1 AS n FROM new_rows
                   WHERE decision IS NOT NULL AND "decidedAt" IS NOT NULL
                  UNION ALL
                  SELECT "organisationId", "decidedAt", decision, -1 FROM old_rows
                   WHERE decision IS NOT NULL AND "decidedAt" IS NOT NULL) c
           GROUP BY 1, 2, 3 HAVING sum(c.n) <> 0) x;
  PERFORM "hearing_decision_counts_add"(orgs, quarters, decisions, ns);
  RETURN NULL;
END;
$fn$;

CREATE FUNCTION "hearing_decision_counts_truncate"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM "HearingDecisionCount";
  RETURN NULL;
END;
$fn$;

-- ── Triggers, then the rows they keep from now on ─────────────────────────────────────────────────────────────────
-- Creating a trigger locks its table against writes until this migration commits, so the rows below are made from
-- exactly what the triggers then keep up to date.
CREATE TRIGGER "PositionUsage_summary_insert" AFTER INSERT ON "PositionUsage"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "position_usage_summary_insert"();
CREATE TRIGGER "PositionUsage_summary_update" AFTER UPDATE ON "PositionUsage"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "position_usage_summary_update"();
CREATE TRIGGER "PositionUsage_summary_delete" AFTER DELETE ON "PositionUsage"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "position_usage_summary_delete"();
CREATE TRIGGER "PositionUsage_summary_truncate" AFTER TRUNCATE ON "PositionUsage"
  FOR EACH STATEMENT EXECUTE FUNCTION "position_usage_summary_truncate"();

CREATE TRIGGER "PositionUsageSummary_topics_insert" AFTER INSERT ON "PositionUsageSummary"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "position_topic_usage_insert"();
CREATE TRIGGER "PositionUsageSummary_topics_update" AFTER UPDATE ON "PositionUsageSummary"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "position_topic_usage_update"();
CREATE TRIGGER "PositionUsageSummary_topics_delete" AFTER DELETE ON "PositionUsageSummary"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "position_topic_usage_delete"();

CREATE TRIGGER "Position_usage_summary_copy" AFTER UPDATE ON "Position"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "position_usage_summary_copy"();

CREATE TRIGGER "Hearing_decision_counts_insert" AFTER INSERT ON "Hearing"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "hearing_decision_counts_insert"();
CREATE TRIGGER "Hearing_decision_counts_update" AFTER UPDATE ON "Hearing"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION "hearing_decision_counts_update"();
CREATE TRIGGER "Hearing_decision_counts_delete" AFTER DELETE ON "Hearing"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "hearing_decision_counts_delete"();
CREATE TRIGGER "Hearing_decision_counts_truncate" AFTER TRUNCATE ON "Hearing"
  FOR EACH STATEMENT EXECUTE FUNCTION "hearing_decision_counts_truncate"();

-- The summary's topic trigger makes PositionTopicUsage from these rows.
INSERT INTO "PositionUsageSummary"
       ("positionId", "organisationId", "status", "statement", "topics", "times", "lastUsed", "letters", "recipients")
SELECT p.id, p."organisationId", p.status, p.statement, p.topics, u.n, u.l, u.letters, u.recipients
  FROM (SELECT "positionId", count(*)::int AS n, max("usedOn") AS l,
               count(DISTINCT coalesce("submissionId", "importedLetterId", id))::int AS letters,
               array_remove(array_agg(DISTINCT recipient), NULL) AS recipients
          FROM "PositionUsage" GROUP BY 1) u
  JOIN "Position" p ON p.id = u."positionId";

INSERT INTO "HearingDecisionCount" ("organisationId", "quarter", "decision", "hearings")
SELECT "organisationId", "hearing_decision_quarter"("decidedAt"), decision, count(*)
  FROM "Hearing" WHERE decision IS NOT NULL AND "decidedAt" IS NOT NULL
 GROUP BY 1, 2, 3;

-- The decisions by quarter were that index's only reader: one index less for every hearing write to keep.
DROP INDEX "Hearing_decided_idx";

-- The new tables' statistics now, not when autovacuum comes by: Innsikt's first plans read them in order.
ANALYZE "PositionUsageSummary", "PositionTopicUsage", "HearingDecisionCount";
