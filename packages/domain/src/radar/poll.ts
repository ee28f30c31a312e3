/**
 * Polling: the worker's side of the radar, without an acting user. A source is read whole first; only a complete,
 * well-formed answer is written, in one transaction, so a bad source leaves nothing half-registered and only its
 * status (last error) changes. New hearings are scored against the organisation and stored as suggestions;
 * advisers following a matched topic are told. A hearing already registered (same address or source reference) is
 * stored as already accepted, never suggested. A change at the source to a registered hearing (a moved deadline, a
 * new document) updates the hearing: the milestones move as they do for an edit, and its people are told.
 */
import { createHash } from "node:crypto";
import type { Db, DbTx, Prisma } from "@innspill/db";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb, dbToDateOnly, formatDate, osloDate } from "../dates/dates";
import { moveDeadline } from "../hearings/register";
import { hearingInclude } from "../hearings/views";
import { notify } from "../notifications/notifications";
import { RADAR_SOURCES, radarConfig, type RadarConfig, type RadarSourceName } from "./config";
import { SourceError, type Validators } from "./fetch";
import { downloadDocuments, type Downloaded } from "./documents";
import { sha256 } from "../common/hash";
import type { RemoteHearing } from "./model";
import { organisationProfile, scoreHearing, type Relevance } from "./relevance";
import { pollStortinget } from "./stortinget";
import { pollRegjeringen } from "./regjeringen";

const DEFAULT_INTERVAL_MINUTES = 60;

export function fingerprintOf(h: RemoteHearing): string {
  const { title, issuer, deadline, status, summary, documents, invited, topics, cases } = h;
  return createHash("sha256")
    .update(JSON.stringify({ title, issuer, deadline, status, summary, documents, invited, topics, cases }))
    .digest("hex");
}

/** Normalised for comparison: lower-case host, no fragment, no trailing slash. */
function sameAddressKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = "";
    return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, "")}${u.search}`.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

/** The organisation's row for a source, made with the defaults when it has none. */
export async function ensureRadarSource(
  db: Db | DbTx,
  organisationId: string,
  source: RadarSourceName,
  now: Date = new Date(),
) {
  return db.radarSource.upsert({
    where: { organisationId_source: { organisationId, source } },
    create: { organisationId, source, intervalMinutes: DEFAULT_INTERVAL_MINUTES, nextPollAt: now },
    update: {},
  });
}

/** Hearings of the organisation that a remote hearing would duplicate: by address, or by the source reference. */
async function registeredKeys(db: Db, organisationId: string) {
  const rows = await db.hearing.findMany({
    where: { organisationId, OR: [{ url: { not: null } }, { theirReference: { not: null } }] },
    select: { id: true, url: true, theirReference: true },
  });
  const byKey = new Map<string, string>();
  for (const r of rows) {
    if (r.url) byKey.set(sameAddressKey(r.url), r.id);
    if (r.theirReference) byKey.set(`ref:${r.theirReference.trim().toLowerCase()}`, r.id);
  }
  return byKey;
}

const registeredFor = (keys: Map<string, string>, h: RemoteHearing) =>
  keys.get(sameAddressKey(h.url)) ??
  keys.get(`ref:${h.sourceRef.toLowerCase()}`) ??
  h.cases.map((c) => keys.get(`ref:${c.reference.toLowerCase()}`)).find(Boolean) ??
  null;

/** The organisation's hearing a remote hearing is already registered as, or null. */
export async function findRegisteredHearing(db: Db, organisationId: string, h: RemoteHearing) {
  return registeredFor(await registeredKeys(db, organisationId), h);
}

const toDetails = (h: RemoteHearing) =>
  ({
    documents: h.documents,
    invited: h.invited,
    topics: h.topics,
    cases: h.cases,
    issuerType: h.issuerType,
  }) as Prisma.InputJsonValue;

export interface PollResult {
  source: RadarSourceName;
  ok: boolean;
  error?: string;
  seen: number;
  created: number;
  updated: number;
  notModified?: boolean;
  /** Pages or cases left out because they could not be read within the limits, with the reason (logged). */
  skipped?: string[];
}

/** Reads one source for one organisation now, and records how it went. */
export async function pollRadarSource(
  db: Db,
  organisationId: string,
  source: RadarSourceName,
  options: { config?: RadarConfig; now?: Date } = {},
): Promise<PollResult> {
  const config = options.config ?? radarConfig();
  const now = options.now ?? new Date();
  const row = await ensureRadarSource(db, organisationId, source);
  const next = new Date(now.getTime() + row.intervalMinutes * 60_000);
  const known = new Map(
    (
      await db.radarItem.findMany({
        where: { organisationId, source },
        select: {
          id: true,
          sourceRef: true,
          fingerprint: true,
          state: true,
          hearingId: true,
          url: true,
          details: true,
          deadline: true,
        },
      })
    ).map((i) => [i.sourceRef, i]),
  );
  const validators = (row.validators ?? {}) as Record<string, Validators>;
  let read: {
    hearings: RemoteHearing[] | null;
    validators: Record<string, Validators>;
    seen: number;
    skipped?: string[];
  };
  let scored: Map<string, Relevance>;
  const downloads = new Map<string, Downloaded>();
  try {
    const needsDetail = (ref: string) => !known.has(ref);
    read =
      source === "stortinget"
        ? await pollStortinget(config, validators, { today: osloDate(now), needsDetail })
        : await pollRegjeringen(config, validators, {
            today: osloDate(now),
            needsDetail,
            revisit: [...known.values()]
              .filter(
                (k) => k.state !== "DISMISSED" && (!k.deadline || dbToDateOnly(k.deadline) >= osloDate(now)),
              )
              .map((k) => ({ ref: k.sourceRef, url: k.url })),
          });
    scored = new Map();
    if (read.hearings) {
      const profile = await organisationProfile(db, organisationId);
      for (const h of read.hearings) {
        const k = known.get(h.sourceRef);
        // Subjects are read once, with a new hearing's cases: a known one keeps those it has.
        if (k && !h.topics.length) h.topics = (k.details as { topics?: string[] } | null)?.topics ?? [];
        if (!k) scored.set(h.sourceRef, await scoreHearing(db, profile, h));
        else if (k.state === "ACCEPTED" && k.hearingId && k.fingerprint !== fingerprintOf(h)) {
          // New documents of a registered hearing are downloaded now, before anything is written.
          const had = new Set(
            ((k.details as { documents?: { url: string }[] })?.documents ?? []).map((d) => d.url),
          );
          const { downloaded: got } = await downloadDocuments(
            h.documents.filter((d) => !had.has(d.url)),
            config,
          );
          for (const d of got) downloads.set(d.url, d);
        }
      }
    }
  } catch (err) {
    const message =
      err instanceof SourceError ? err.message : `unexpected: ${(err as Error).message ?? String(err)}`;
    await db.radarSource.update({
      where: { id: row.id },
      data: { lastPollAt: now, lastErrorAt: now, lastError: message.slice(0, 1000), nextPollAt: next },
    });
    return { source, ok: false, error: message, seen: 0, created: 0, updated: 0 };
  }

  if (!read.hearings) {
    await db.radarSource.update({
      where: { id: row.id },
      data: {
        lastPollAt: now,
        lastSuccessAt: now,
        nextPollAt: next,
        validators: read.validators as Prisma.InputJsonValue,
      },
    });
    return { source, ok: true, seen: row.itemsSeen, created: 0, updated: 0, notModified: true };
  }
  const hearings = read.hearings;
  const keys = await registeredKeys(db, organisationId);
  let created = 0;
  let updated = 0;
  await db.$transaction(
    async (tx) => {
      const fresh: { item: { id: string; title: string; deadline: string | null }; topics: string[] }[] = [];
      for (const h of hearings) {
        const fingerprint = fingerprintOf(h);
        const existing = known.get(h.sourceRef);
        const columns = {
          url: h.url,
          title: h.title,
          issuer: h.issuer,
          deadline: h.deadline ? dateOnlyToDb(h.deadline) : null,
          sourceStatus: h.status,
          summary: h.summary,
          details: toDetails(h),
          fingerprint,
        };
        if (existing) {
          if (existing.fingerprint === fingerprint) continue;
          updated++;
          const before = await tx.radarItem.findUniqueOrThrow({ where: { id: existing.id } });
          await tx.radarItem.update({ where: { id: existing.id }, data: columns });
          if (existing.state === "ACCEPTED" && existing.hearingId)
            await applySourceChange(tx, organisationId, existing.hearingId, before, h, now, downloads);
          continue;
        }
        const hearingId = registeredFor(keys, h);
        const relevance = scored.get(h.sourceRef)!;
        const item = await tx.radarItem.create({
          data: {
            organisationId,
            source,
            sourceRef: h.sourceRef,
            ...columns,
            score: relevance.score,
            reason: relevance.reason,
            reasons: relevance.reasons as unknown as Prisma.InputJsonValue,
            // Registered already (by hand, or from a pasted address): known, never suggested.
            ...(hearingId ? { state: "ACCEPTED" as const, hearingId, decidedAt: now } : {}),
          },
        });
        if (!hearingId) {
          created++;
          if (relevance.score > 0)
            fresh.push({
              item: { id: item.id, title: h.title, deadline: h.deadline },
              topics: relevance.reasons.topics,
            });
        }
      }
      await notifyFollowers(tx, organisationId, fresh);
      await tx.radarSource.update({
        where: { id: row.id },
        data: {
          lastPollAt: now,
          lastSuccessAt: now,
          nextPollAt: next,
          ...(read.seen >= 0 ? { itemsSeen: read.seen } : {}),
          validators: read.validators as Prisma.InputJsonValue,
        },
      });
    },
    { timeout: 60_000 },
  );
  return {
    source,
    ok: true,
    seen: read.seen >= 0 ? read.seen : row.itemsSeen,
    created,
    updated,
    ...(read.skipped?.length ? { skipped: read.skipped } : {}),
  };
}

/** Advisers who follow a topic a new relevant hearing touches: in the app and by e-mail. */
async function notifyFollowers(
  tx: DbTx,
  organisationId: string,
  fresh: { item: { id: string; title: string; deadline: string | null }; topics: string[] }[],
) {
  if (!fresh.length) return;
  const topicNames = [...new Set(fresh.flatMap((f) => f.topics.map((t) => t.toLowerCase())))];
  if (!topicNames.length) return;
  const follows = await tx.$queryRaw<{ userId: string; name: string }[]>`
    SELECT f."userId", lower(t.name) AS name FROM "RadarTopicFollow" f
      JOIN "Topic" t ON t.id = f."topicId"
      JOIN "User" u ON u.id = f."userId"
     WHERE t."organisationId" = ${organisationId}::uuid AND u."organisationId" = ${organisationId}::uuid
       AND u.active AND lower(t.name) = ANY(${topicNames})`;
  for (const f of fresh) {
    const wanted = new Set(f.topics.map((t) => t.toLowerCase()));
    const users = follows.filter((x) => wanted.has(x.name)).map((x) => x.userId);
    if (!users.length) continue;
    await notify(tx, {
      userIds: users,
      kind: "radar.newHearing",
      path: "/nye-horinger",
      message: {
        key: "notifyRadarNewHearing",
        params: {
          title: f.item.title,
          deadline: f.item.deadline ? formatDate(f.item.deadline) : "–",
          topics: f.topics.join(", "),
        },
      },
      email: true,
    });
  }
}

/**
 * A registered hearing's source changed: a moved deadline moves the hearing's deadline and milestones (as an edit
 * does) and tells its people; new documents are added as links and told about.
 */
async function applySourceChange(
  tx: DbTx,
  organisationId: string,
  hearingId: string,
  before: { deadline: Date | null; details: Prisma.JsonValue; title: string },
  h: RemoteHearing,
  now: Date,
  downloads: Map<string, Downloaded>,
) {
  const hearing = await tx.hearing.findFirst({
    where: { id: hearingId, organisationId },
    include: hearingInclude,
  });
  if (!hearing) return;
  const radar = { id: null, organisationId, name: "Høringsradaren" };
  const oldDeadline = dbToDateOnly(hearing.deadline);
  if (h.deadline && h.deadline !== oldDeadline) {
    await tx.hearing.update({
      where: { id: hearingId },
      data: {
        deadline: dateOnlyToDb(h.deadline),
        version: { increment: 1 },
        ...(hearing.overdueSince && h.deadline >= osloDate(now) ? { overdueSince: null } : {}),
      },
    });
    await recordAudit(tx, {
      organisationId,
      actorId: null,
      action: "hearing.updated",
      entity: "Hearing",
      entityId: hearingId,
      data: { changes: { deadline: { from: oldDeadline, to: h.deadline } }, by: "radar", source: h.url },
    });
    await moveDeadline(
      tx,
      hearing,
      oldDeadline,
      h.deadline,
      {
        title: hearing.title,
        responsibleId: hearing.responsibleId,
        participantIds: hearing.participants.map((p) => p.user.id),
      },
      radar,
    );
  }
  const oldDocs = new Set(
    (
      ((before.details as { documents?: { url: string }[] } | null)?.documents ?? []) as { url: string }[]
    ).map((d) => d.url),
  );
  const links = new Set(
    (await tx.hearingLink.findMany({ where: { hearingId }, select: { url: true } })).map((l) => l.url),
  );
  const added = h.documents.filter((d) => !oldDocs.has(d.url) && !links.has(d.url));
  if (added.length) {
    // Downloaded ones become received documents; the others links to the source.
    const stored = added.filter((d) => downloads.has(d.url));
    for (const d of stored) {
      const file = downloads.get(d.url)!;
      await tx.hearingDocument.create({
        data: {
          hearingId,
          filename: file.filename,
          mimeType: file.mimeType,
          size: file.bytes.byteLength,
          sha256: sha256(file.bytes),
          content: new Uint8Array(file.bytes),
        },
      });
    }
    const linked = added.filter((d) => !downloads.has(d.url));
    if (linked.length)
      await tx.hearingLink.createMany({
        data: linked.map((d) => ({ hearingId, label: d.label.slice(0, 200), url: d.url })),
      });
    await recordAudit(tx, {
      organisationId,
      actorId: null,
      action: "document.added",
      entity: "Hearing",
      entityId: hearingId,
      data: { by: "radar", documents: stored.map((d) => d.url), links: linked.map((d) => d.url) },
    });
    await notify(tx, {
      userIds: [hearing.responsibleId, ...hearing.participants.map((p) => p.user.id)],
      hearingId,
      kind: "radar.newDocument",
      message: {
        key: "notifyRadarNewDocument",
        params: { title: hearing.title, documents: added.map((d) => d.label).join(", ") },
      },
      email: true,
    });
  }
}

/** The tick the worker runs every minute: every enabled source whose time has come, for every organisation. */
export async function pollDueRadarSources(db: Db, options: { config?: RadarConfig; now?: Date } = {}) {
  const now = options.now ?? new Date();
  // Every organisation watches every source unless it turned it off: make the missing rows first.
  const orgs = await db.organisation.findMany({ select: { id: true } });
  for (const o of orgs) for (const s of RADAR_SOURCES) await ensureRadarSource(db, o.id, s, now);
  const due = await db.radarSource.findMany({
    where: { enabled: true, nextPollAt: { lte: now } },
    orderBy: { nextPollAt: "asc" },
    take: 50,
  });
  const results: (PollResult & { organisationId: string })[] = [];
  for (const d of due) {
    // Claimed first: a tick that overlaps a slow one (or another worker's) does not poll the same source twice.
    const { count } = await db.radarSource.updateMany({
      where: { id: d.id, nextPollAt: d.nextPollAt },
      data: { nextPollAt: new Date(now.getTime() + d.intervalMinutes * 60_000) },
    });
    if (!count) continue;
    results.push({
      organisationId: d.organisationId,
      ...(await pollRadarSource(db, d.organisationId, d.source as RadarSourceName, { ...options, now })),
    });
  }
  return results;
}

/**
 * Hearings read elsewhere (the demo's, without a network) stored as suggestions the way a poll stores new ones:
 * scored against the organisation, and known already when registered. Hearings it has are left as they are.
 */
export async function suggestRemoteHearings(
  db: Db,
  organisationId: string,
  hearings: RemoteHearing[],
  now: Date = new Date(),
) {
  const profile = await organisationProfile(db, organisationId);
  const keys = await registeredKeys(db, organisationId);
  let created = 0;
  for (const h of hearings) {
    await ensureRadarSource(db, organisationId, h.source);
    const exists = await db.radarItem.findUnique({
      where: {
        organisationId_source_sourceRef: { organisationId, source: h.source, sourceRef: h.sourceRef },
      },
    });
    if (exists) continue;
    const relevance = await scoreHearing(db, profile, h);
    const hearingId = registeredFor(keys, h);
    await db.radarItem.create({
      data: {
        organisationId,
        source: h.source,
        sourceRef: h.sourceRef,
        url: h.url,
        title: h.title,
        issuer: h.issuer,
        deadline: h.deadline ? dateOnlyToDb(h.deadline) : null,
        sourceStatus: h.status,
        summary: h.summary,
        details: toDetails(h),
        fingerprint: fingerprintOf(h),
        score: relevance.score,
        reason: relevance.reason,
        reasons: relevance.reasons as unknown as Prisma.InputJsonValue,
        firstSeenAt: now,
        ...(hearingId ? { state: "ACCEPTED" as const, hearingId, decidedAt: now } : {}),
      },
    });
    if (!hearingId) created++;
  }
  return { created };
}
