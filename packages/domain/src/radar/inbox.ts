/**
 * «Nye høringer»: the advisers' inbox of suggested hearings, and what they do with one. Accept registers the hearing
 * (the register use-case's own insert, in one transaction with its documents, links and the suggestion's state);
 * dismiss keeps a reason and the hearing never comes back. Admins see and change each source's schedule and ask
 * for a poll now. Everything is the actor's organisation's only.
 */
import { z } from "zod";
import type { Db, Prisma } from "@innspill/db";
import { can } from "../access/permissions";
import { authorize, type Actor } from "../access/actor";
import { recordAudit } from "../common/audit";
import { dbToDateOnly, osloDate } from "../dates/dates";
import { AppError } from "../common/errors";
import { createHearingInput } from "../hearings/schemas";
import { insertHearing } from "../hearings/register";
import { sha256 as sha256Hex } from "../common/hash";
import { getOrganisationSettings } from "../organisation/settings";
import { fields, parseInput } from "../common/validation";
import { RADAR_SOURCES, radarConfig, radarPollingEnabled, type RadarConfig } from "./config";
import { SourceError } from "./fetch";
import { downloadDocuments } from "./documents";
import type { RemoteHearing } from "./model";
import { ensureRadarSource, findRegisteredHearing, fingerprintOf, pollRadarSource } from "./poll";
import { organisationProfile, scoreHearing, type Relevance } from "./relevance";
import { pollStortinget, stortingetIdFromPage } from "./stortinget";
import { readRegjeringenHearing, regjeringenRefFromAddress } from "./regjeringen";

interface ItemDetails {
  documents?: { label: string; url: string }[];
  invited?: string[];
  topics?: string[];
  cases?: { id: string; reference: string; title: string }[];
  issuerType?: RemoteHearing["issuerType"];
}

const itemView = (i: Prisma.RadarItemGetPayload<object>) => {
  const d = (i.details ?? {}) as ItemDetails;
  const r = (i.reasons ?? {}) as Partial<Relevance["reasons"]>;
  return {
    id: i.id,
    source: i.source,
    sourceRef: i.sourceRef,
    url: i.url,
    title: i.title,
    issuer: i.issuer,
    deadline: i.deadline ? dbToDateOnly(i.deadline) : null,
    sourceStatus: i.sourceStatus,
    summary: i.summary,
    documents: d.documents ?? [],
    invitedCount: d.invited?.length ?? 0,
    topics: d.topics ?? [],
    score: i.score,
    reason: i.reason,
    positions: (r.positions ?? []).map((p) => ({ id: p.id, text: p.text, sentence: p.sentence })),
    blocks: (r.blocks ?? []).map((b) => ({ id: b.id, text: b.text, sentence: b.sentence })),
    matchedTopics: r.topics ?? [],
    invited: r.invited ?? false,
    state: i.state,
    dismissReason: i.dismissReason,
    hearingId: i.hearingId,
    firstSeenAt: i.firstSeenAt,
  };
};

export const listRadarItemsInput = z
  .object({
    state: z.enum(["NEW", "ACCEPTED", "DISMISSED"], { error: "invalid" }).default("NEW"),
    limit: z.int({ error: "invalid" }).min(1).max(200).default(50),
    /** New hearings that touch nothing of the organisation's are left out unless this is set. */
    includeUnmatched: z.boolean({ error: "invalid" }).default(false),
  })
  .default({ state: "NEW", limit: 50, includeUnmatched: false });

/** Suggestions, most relevant first (then the nearest deadline). */
export async function listRadarItems(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  const { state, limit, includeUnmatched } = parseInput(listRadarItemsInput, input ?? {});
  const open = { OR: [{ deadline: null }, { deadline: { gte: new Date(osloDate(now)) } }] };
  const where = { organisationId: actor.organisationId, state, ...(state === "NEW" ? open : {}) };
  const [rows, unmatched] = await Promise.all([
    db.radarItem.findMany({
      where: { ...where, ...(state === "NEW" && !includeUnmatched ? { score: { gt: 0 } } : {}) },
      orderBy:
        state === "NEW"
          ? [{ score: "desc" }, { deadline: "asc" }, { id: "asc" }]
          : [{ decidedAt: "desc" }, { id: "asc" }],
      take: limit,
    }),
    state === "NEW" ? db.radarItem.count({ where: { ...where, score: { lte: 0 } } }) : 0,
  ]);
  return {
    items: rows.map(itemView),
    /** New hearings that touch nothing of the organisation's: left out of `items` unless asked for. */
    unmatched,
    canAccept: can(actor, "radar.review"),
  };
}

async function findItem(db: Db, id: string, actor: Actor) {
  const item = await db.radarItem.findFirst({ where: { id, organisationId: actor.organisationId } });
  if (!item) throw new AppError("NOT_FOUND", "radarItemNotFound");
  return item;
}

export const radarItemInput = z.object({ id: fields.id() });

export const dismissRadarItemInput = z.object({
  id: fields.id(),
  reason: fields.requiredText(500, "textTooLong"),
});

export async function dismissRadarItem(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  authorize(actor, "radar.review");
  const { id, reason } = parseInput(dismissRadarItemInput, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.radarItem.updateMany({
      where: { id, organisationId: actor.organisationId, state: "NEW" },
      data: { state: "DISMISSED", dismissReason: reason, decidedById: actor.id, decidedAt: now },
    });
    if (!count) {
      const exists = await tx.radarItem.findFirst({ where: { id, organisationId: actor.organisationId } });
      throw new AppError(
        exists ? "CONFLICT" : "NOT_FOUND",
        exists ? "radarItemDecided" : "radarItemNotFound",
      );
    }
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "radar.dismissed",
      entity: "RadarItem",
      entityId: id,
      data: { reason },
    });
    return itemView(await tx.radarItem.findUniqueOrThrow({ where: { id } }));
  });
}

/**
 * Registers a suggested hearing: issuing body (found by name, or made from the source), deadline and milestones,
 * the source page and cases as links, topics, and the documents on a configured host downloaded and stored as
 * received documents. Downloads come first; then one transaction, so nothing is half-registered.
 */
export async function acceptRadarItem(
  db: Db,
  input: unknown,
  actor: Actor,
  options: { config?: RadarConfig; now?: Date } = {},
) {
  authorize(actor, "radar.review");
  const { id } = parseInput(radarItemInput, input);
  const config = options.config ?? radarConfig();
  const now = options.now ?? new Date();
  const item = await findItem(db, id, actor);
  if (item.state !== "NEW") throw new AppError("CONFLICT", "radarItemDecided");
  if (!item.deadline) throw new AppError("BAD_REQUEST", "radarNoDeadline");
  const details = (item.details ?? {}) as ItemDetails;
  const reasons = (item.reasons ?? {}) as Partial<Relevance["reasons"]>;

  const { downloaded, failed } = await downloadDocuments(details.documents ?? [], config);
  const fetchedUrls = new Set(downloaded.map((d) => d.url));
  const settings = await getOrganisationSettings(db, actor.organisationId);
  const topics = [...new Set([...(reasons.topics ?? []), ...(details.topics ?? [])].map((t) => t.trim()))]
    .filter(Boolean)
    .slice(0, 10);

  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM "RadarItem" WHERE id = ${id}::uuid AND "organisationId" = ${actor.organisationId}::uuid FOR UPDATE`;
    if (locked[0]?.state !== "NEW") throw new AppError("CONFLICT", "radarItemDecided");
    const body =
      (await tx.issuingBody.findFirst({
        where: { organisationId: actor.organisationId, name: { equals: item.issuer, mode: "insensitive" } },
      })) ??
      (await tx.issuingBody.create({
        data: {
          organisationId: actor.organisationId,
          name: item.issuer.slice(0, 200),
          type: details.issuerType ?? (item.source === "stortinget" ? "STORTINGSKOMITE" : "DEPARTEMENT"),
        },
      }));
    const data = parseInput(createHearingInput, {
      title: item.title.slice(0, 300),
      issuingBodyId: body.id,
      kind: item.source === "stortinget" ? "INNSPILL" : "HORING",
      theirReference: (details.cases?.[0]?.reference || item.sourceRef).slice(0, 100),
      url: item.url,
      receivedDate: osloDate(now) <= dbToDateOnly(item.deadline!) ? osloDate(now) : undefined,
      deadline: dbToDateOnly(item.deadline!),
      responsibleId: actor.id,
      summary: item.summary?.slice(0, 5000) ?? undefined,
      topics,
    });
    const hearingId = await insertHearing(tx, data, actor, settings);
    const links = [
      {
        label: item.source === "stortinget" ? "Høringen på stortinget.no" : "Høringen på regjeringen.no",
        url: item.url,
      },
      ...(details.documents ?? []).filter((d) => !fetchedUrls.has(d.url)),
    ];
    await tx.hearingLink.createMany({
      data: links.map((l) => ({ hearingId, label: l.label.slice(0, 200), url: l.url })),
    });
    for (const d of downloaded) {
      await tx.hearingDocument.create({
        data: {
          hearingId,
          filename: d.filename,
          mimeType: d.mimeType,
          size: d.bytes.byteLength,
          sha256: sha256Hex(d.bytes),
          content: new Uint8Array(d.bytes),
          uploadedById: actor.id,
        },
      });
    }
    await tx.radarItem.update({
      where: { id },
      data: { state: "ACCEPTED", hearingId, decidedById: actor.id, decidedAt: now },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "radar.accepted",
      entity: "Hearing",
      entityId: hearingId,
      data: {
        radarItemId: id,
        source: item.source,
        url: item.url,
        documents: downloaded.map((d) => d.filename),
      },
    });
    return { hearingId, documents: downloaded.length, documentsFailed: failed, links: links.length };
  });
}

export const proposeFromAddressInput = z.object({
  address: z.string().trim().min(8).max(2000, { error: "textTooLong" }),
});

/**
 * A pasted address of a hearing page on regjeringen.no or stortinget.no, read from the configured sources only,
 * becomes the same suggestion the poll would make (or the one there is already). Another host is refused before any
 * request: a user's address never reaches the network.
 */
export async function proposeFromAddress(
  db: Db,
  input: unknown,
  actor: Actor,
  options: { config?: RadarConfig; now?: Date } = {},
) {
  authorize(actor, "radar.review");
  const { address } = parseInput(proposeFromAddressInput, input);
  const config = options.config ?? radarConfig();
  const now = options.now ?? new Date();
  const stortingetId = stortingetIdFromPage(address, config);
  const regjeringenRef = stortingetId ? null : regjeringenRefFromAddress(address, config);
  if (!stortingetId && !regjeringenRef) throw new AppError("BAD_REQUEST", "radarAddressNotSupported");
  const source = stortingetId ? "stortinget" : "regjeringen";
  const sourceRef = stortingetId ? `horing:${stortingetId}` : regjeringenRef!;
  const existing = await db.radarItem.findFirst({
    where: { organisationId: actor.organisationId, source, sourceRef },
  });
  if (existing) return itemView(existing);
  let remote: RemoteHearing | undefined;
  try {
    if (stortingetId) {
      const read = await pollStortinget(
        config,
        {},
        { today: osloDate(now), needsDetail: () => true, onlyId: stortingetId },
      );
      remote = read.hearings?.[0];
    } else {
      const url = new URL(address);
      url.hash = "";
      url.search = "";
      remote = await readRegjeringenHearing(url.toString(), regjeringenRef!, config);
    }
  } catch (err) {
    if (err instanceof SourceError)
      throw new AppError("BAD_REQUEST", "radarSourceFailed", { details: err.message });
    throw err;
  }
  if (!remote) throw new AppError("NOT_FOUND", "radarHearingNotFound");
  const dup = await findRegisteredHearing(db, actor.organisationId, remote);
  const relevance = await scoreHearing(db, await organisationProfile(db, actor.organisationId), remote);
  await ensureRadarSource(db, actor.organisationId, source);
  const created = await db.radarItem.create({
    data: {
      organisationId: actor.organisationId,
      source,
      sourceRef,
      url: remote.url,
      title: remote.title,
      issuer: remote.issuer,
      deadline: remote.deadline ? new Date(remote.deadline) : null,
      sourceStatus: remote.status,
      summary: remote.summary,
      details: {
        documents: remote.documents,
        invited: remote.invited,
        topics: remote.topics,
        cases: remote.cases,
        issuerType: remote.issuerType,
      },
      fingerprint: fingerprintOf(remote),
      score: relevance.score,
      reason: relevance.reason,
      reasons: relevance.reasons as unknown as Prisma.InputJsonValue,
      ...(dup ? { state: "ACCEPTED" as const, hearingId: dup, decidedAt: now } : {}),
    },
  });
  return itemView(created);
}

// ── Sources: schedule and status (admin), follows (adviser) ──

export async function listRadarSources(db: Db, actor: Actor) {
  for (const s of RADAR_SOURCES) await ensureRadarSource(db, actor.organisationId, s);
  const rows = await db.radarSource.findMany({
    where: { organisationId: actor.organisationId },
    orderBy: { source: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    enabled: r.enabled,
    intervalMinutes: r.intervalMinutes,
    nextPollAt: r.nextPollAt,
    lastPollAt: r.lastPollAt,
    lastSuccessAt: r.lastSuccessAt,
    lastErrorAt: r.lastErrorAt,
    lastError: r.lastError,
    itemsSeen: r.itemsSeen,
    /** The last poll failed (its error is newer than its last success). */
    failing: !!r.lastErrorAt && (!r.lastSuccessAt || r.lastErrorAt > r.lastSuccessAt),
    /** The installation polls its sources on schedule (RADAR_POLLING). */
    scheduled: radarPollingEnabled(),
    version: r.version,
  }));
}

export const updateRadarSourceInput = z.object({
  id: fields.id(),
  version: fields.version(),
  enabled: z.boolean({ error: "invalid" }),
  intervalMinutes: z
    .int({ error: "invalid" })
    .min(5, { error: "radarIntervalRange" })
    .max(1440, { error: "radarIntervalRange" }),
});

export async function updateRadarSource(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  authorize(actor, "radar.manage");
  const { id, version, enabled, intervalMinutes } = parseInput(updateRadarSourceInput, input);
  return db.$transaction(async (tx) => {
    const row = await tx.radarSource.findFirst({ where: { id, organisationId: actor.organisationId } });
    if (!row) throw new AppError("NOT_FOUND", "radarSourceNotFound");
    const { count } = await tx.radarSource.updateMany({
      where: { id, version },
      data: {
        enabled,
        intervalMinutes,
        version: { increment: 1 },
        nextPollAt: new Date(Math.min(row.nextPollAt.getTime(), now.getTime() + intervalMinutes * 60_000)),
      },
    });
    if (!count) throw new AppError("CONFLICT", "radarSourceConflict");
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "radar.sourceUpdated",
      entity: "RadarSource",
      entityId: id,
      data: { source: row.source, enabled, intervalMinutes },
    });
    return { id, enabled, intervalMinutes };
  });
}

/** «Sjekk nå»: the worker polls the source at its next tick (within a minute). */
export async function checkRadarSourceNow(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  authorize(actor, "radar.manage");
  const { id } = parseInput(radarItemInput, input);
  const { count } = await db.radarSource.updateMany({
    where: { id, organisationId: actor.organisationId },
    data: { nextPollAt: now },
  });
  if (!count) throw new AppError("NOT_FOUND", "radarSourceNotFound");
  return { id, nextPollAt: now };
}

export const followTopicInput = z.object({ topicId: fields.id(), follow: z.boolean({ error: "invalid" }) });

export async function followRadarTopic(db: Db, input: unknown, actor: Actor) {
  const { topicId, follow } = parseInput(followTopicInput, input);
  const topic = await db.topic.findFirst({ where: { id: topicId, organisationId: actor.organisationId } });
  if (!topic) throw new AppError("NOT_FOUND", "topicNotFound");
  if (follow)
    await db.radarTopicFollow.upsert({
      where: { userId_topicId: { userId: actor.id, topicId } },
      create: { userId: actor.id, topicId },
      update: {},
    });
  else await db.radarTopicFollow.deleteMany({ where: { userId: actor.id, topicId } });
  return { topicId, follow };
}

export async function listRadarTopics(db: Db, actor: Actor) {
  const [topics, follows] = await Promise.all([
    db.topic.findMany({
      where: { organisationId: actor.organisationId },
      orderBy: { name: "asc" },
      take: 500,
    }),
    db.radarTopicFollow.findMany({ where: { userId: actor.id }, select: { topicId: true } }),
  ]);
  const mine = new Set(follows.map((f) => f.topicId));
  return topics.map((t) => ({ id: t.id, name: t.name, following: mine.has(t.id) }));
}

const pollRadarNowInput = z.object({
  source: z.enum(RADAR_SOURCES, { error: "invalid" }).optional(),
});

/** Polls the organisation's sources now (the command line's `radar poll`), whatever their schedule. */
export async function pollRadarNow(
  db: Db,
  input: unknown,
  actor: Actor,
  options: { config?: RadarConfig; now?: Date } = {},
) {
  authorize(actor, "radar.manage");
  const { source } = parseInput(pollRadarNowInput, input ?? {});
  const results = [];
  for (const s of source ? [source] : RADAR_SOURCES)
    results.push(await pollRadarSource(db, actor.organisationId, s, options));
  return results;
}
