/**
 * A submission: the letter answering one hearing, composed from library blocks (pinned to published versions),
 * local copies of blocks and free text. Saved as a whole under an optimistic lock. `buildSnapshot` turns the saved
 * letter into the canonical snapshot the documents are assembled from, with the warnings an adviser should see.
 */
import { sha256 } from "../hash";
import { z } from "zod";
import type { Db, DbTx, Prisma } from "@innspill/db";
import { assemble, canonicalJson, renderHtml, type SubmissionSnapshot } from "@innspill/documents/preview";
import type { Actor } from "../actor";
import { requireRole } from "../actor";
import { recordAudit } from "../audit";
import { dateOnlyToDb, dbToDateOnly, formatDate, osloDate } from "../dates";
import { AppError } from "../errors";
import { fields, parseInput } from "../validation";
import { blockBody, bodyFactKeys, bodyPositionIds, bodyToPlainText, type BlockBody } from "../library/body";
import { formatFactValue, resolveFactValue, resolveFacts } from "../library/facts";
import { wordDiff, type WordDiffPart } from "../library/diff";
import { similarity } from "../imports/similarity";
import { saveSubmissionInput, titleOn } from "./schemas";
import { voidApprovals } from "./workflow";

/** Who composes letters. Leaders read, render and (later) approve them. */
export const SUBMISSION_EDITORS = ["ADVISER", "ADMIN"] as const;

const full = {
  hearing: { select: { id: true, title: true, deadline: true, status: true } },
  sections: {
    orderBy: { position: "asc" as const },
    include: {
      blockVersion: {
        select: { id: true, blockId: true, number: true, heading: true, body: true, plainText: true },
      },
    },
  },
  signatories: {
    orderBy: { position: "asc" as const },
    include: {
      signatory: { include: { titles: true } },
    },
  },
} satisfies Prisma.SubmissionInclude;

type FullSubmission = Prisma.SubmissionGetPayload<{ include: typeof full }>;

export type SubmissionWarning =
  | { kind: "factMissing"; key: string; label: string | null }
  | { kind: "factStale"; key: string; label: string }
  | {
      kind: "positionRetired";
      section: number;
      positionId: string;
      statement: string;
      replacement: { id: string; statement: string } | null;
    }
  | {
      kind: "blockOutdated";
      section: number;
      blockId: string;
      heading: string;
      pinned: number;
      latest: number;
      latestVersionId: string;
      local: boolean;
    }
  | {
      kind: "localEditDiverges";
      section: number;
      heading: string;
      score: number;
      diff: WordDiffPart[];
    }
  | {
      kind: "figureContradictsFact";
      section: number;
      key: string;
      label: string;
      typed: string;
      current: string;
    }
  | { kind: "signatoryNoTitle"; signatoryId: string; name: string }
  | { kind: "noSignatories" }
  | { kind: "noSections" };

const bodyOf = (json: unknown): BlockBody => {
  const parsed = blockBody.safeParse(json);
  return parsed.success ? parsed.data : { type: "doc", content: [] };
};

const sectionBody = (s: FullSubmission["sections"][number]): BlockBody =>
  s.kind === "BLOCK" ? bodyOf(s.blockVersion?.body) : bodyOf(s.body);

const sectionHeading = (s: FullSubmission["sections"][number]): string | null =>
  s.showHeading ? (s.kind === "BLOCK" ? (s.blockVersion?.heading ?? null) : s.heading) : null;

/** Below this similarity to its library version, a local copy is flagged as saying something else. */
export const LOCAL_DIVERGENCE_THRESHOLD = 0.6;

/** The text the author typed (text nodes only: not facts, footnotes or positions). */
function typedText(body: BlockBody): string {
  const out: string[] = [];
  const walk = (n: { type: string; text?: string; content?: unknown[] }) => {
    if (n.type === "text" && n.text) out.push(n.text);
    for (const c of (n.content ?? []) as (typeof n)[]) walk(c);
  };
  walk(body as unknown as { type: string; content?: unknown[] });
  return out.join(" ");
}

async function loadSubmission(db: DbTx, id: string, actor: Actor): Promise<FullSubmission> {
  const s = await db.submission.findFirst({
    where: { id, organisationId: actor.organisationId },
    include: full,
  });
  if (!s) throw new AppError("NOT_FOUND", "submissionNotFound");
  return s;
}

/**
 * The canonical snapshot of a saved submission: everything the documents need, with facts resolved on the letter's
 * date and titles valid on it. Its SHA-256 (of the canonical JSON) names it.
 */
export async function buildSnapshot(db: DbTx, s: FullSubmission) {
  const date = dbToDateOnly(s.date);
  const bodies = s.sections.map(sectionBody);
  const warnings: SubmissionWarning[] = [];

  const factKeys = [...new Set(bodies.flatMap(bodyFactKeys))].sort();
  const facts = await resolveFacts(db, s.organisationId, factKeys, date);
  for (const key of factKeys) {
    const f = facts.get(key);
    if (!f || f.value === null) warnings.push({ kind: "factMissing", key, label: f?.label ?? null });
    else if (f.stale) warnings.push({ kind: "factStale", key, label: f.label });
  }

  const positionIds = [...new Set(bodies.flatMap(bodyPositionIds))];
  const positions = positionIds.length
    ? await db.position.findMany({
        where: { id: { in: positionIds }, organisationId: s.organisationId },
        include: { replacedBy: { select: { id: true, statement: true } } },
      })
    : [];
  const byId = new Map(positions.map((p) => [p.id, p]));
  bodies.forEach((body, section) => {
    for (const id of new Set(bodyPositionIds(body))) {
      const p = byId.get(id);
      if (p?.status === "RETIRED")
        warnings.push({
          kind: "positionRetired",
          section,
          positionId: id,
          statement: p.statement,
          replacement: p.replacedBy ?? null,
        });
    }
  });

  // Pinned blocks whose library version has moved on.
  const blockIds = [
    ...new Set(s.sections.map((x) => x.blockVersion?.blockId).filter((x): x is string => !!x)),
  ];
  const latest = blockIds.length
    ? await db.textBlock.findMany({
        where: { id: { in: blockIds } },
        select: { id: true, publishedVersionId: true, versions: { orderBy: { number: "desc" }, take: 1 } },
      })
    : [];
  const latestByBlock = new Map(latest.map((b) => [b.id, b.versions[0]]));
  s.sections.forEach((x, section) => {
    const v = x.blockVersion;
    const newest = v ? latestByBlock.get(v.blockId) : undefined;
    if (v && newest && newest.number > v.number)
      warnings.push({
        kind: "blockOutdated",
        section,
        blockId: v.blockId,
        heading: v.heading,
        pinned: v.number,
        latest: newest.number,
        latestVersionId: newest.id,
        local: x.kind === "LOCAL",
      });
  });

  // Local copies that no longer say what the library says (beyond the threshold), with the diff.
  const statementsById = new Map(positions.map((p) => [p.id, p.statement]));
  s.sections.forEach((x, section) => {
    if (x.kind !== "LOCAL" || !x.blockVersion) return;
    const local = bodyToPlainText(bodies[section]!, statementsById);
    const sim = similarity(x.blockVersion.plainText, local);
    if (sim.score < LOCAL_DIVERGENCE_THRESHOLD)
      warnings.push({
        kind: "localEditDiverges",
        section,
        heading: x.heading ?? x.blockVersion.heading,
        score: sim.score,
        diff: wordDiff(x.blockVersion.plainText, local),
      });
  });

  // Figures typed by hand that match an earlier value of a fact, not the one valid on the letter's date.
  const numberFacts = await db.fact.findMany({
    where: { organisationId: s.organisationId, format: "NUMBER" },
    include: { values: true },
  });
  bodies.forEach((body, section) => {
    const typed = typedText(body);
    for (const f of numberFacts) {
      const values = f.values.map((v) => ({ ...v, validFrom: dbToDateOnly(v.validFrom) }));
      const current = resolveFactValue(values, date);
      if (!current) continue;
      for (const v of values) {
        if (v.value === current.value) continue;
        const n = Number(v.value);
        if (!Number.isFinite(n) || Math.abs(n) < 100) continue;
        const grouped = String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "[ \u00a0.]?");
        if (new RegExp(`(^|[^\\d])${grouped}(?![\\d])`).test(typed))
          warnings.push({
            kind: "figureContradictsFact",
            section,
            key: f.key,
            label: f.label,
            typed: formatFactValue(f.format, v.value),
            current: formatFactValue(f.format, current.value),
          });
      }
    }
  });

  const signatories = s.signatories.map((x) => {
    const titles = x.signatory.titles.map((t) => ({
      title: t.title,
      validFrom: dbToDateOnly(t.validFrom),
      validTo: t.validTo ? dbToDateOnly(t.validTo) : null,
    }));
    const title = titleOn(titles, date)?.title ?? null;
    if (!title)
      warnings.push({ kind: "signatoryNoTitle", signatoryId: x.signatoryId, name: x.signatory.name });
    return { name: x.signatory.name, title, note: x.note };
  });
  if (!signatories.length) warnings.push({ kind: "noSignatories" });
  if (!s.sections.length) warnings.push({ kind: "noSections" });

  const snapshot: SubmissionSnapshot = {
    letterhead: {
      organisation: s.letterheadOrganisation,
      unit: s.letterheadUnit,
      address: s.letterheadAddress,
    },
    place: s.place,
    date,
    dateText: formatDate(date),
    recipient: s.recipient,
    theirReference: s.theirReference,
    ourReference: s.ourReference,
    title: s.title,
    sections: s.sections.map((x, i) => ({ heading: sectionHeading(x), body: bodies[i]! })),
    closing: s.closing,
    signatories,
    facts: Object.fromEntries(factKeys.map((k) => [k, facts.get(k)?.value ?? null])),
    positions: Object.fromEntries(positions.map((p) => [p.id, p.statement])),
  };
  const json = canonicalJson(snapshot);
  return { snapshot, json, sha256: sha256(json), warnings };
}

function view(s: FullSubmission) {
  return {
    id: s.id,
    hearing: { ...s.hearing, deadline: dbToDateOnly(s.hearing.deadline) },
    version: s.version,
    revision: s.revision,
    status: s.status,
    signingOrder: s.signingOrder,
    snapshotSha256: s.snapshotSha256,
    title: s.title,
    place: s.place,
    date: dbToDateOnly(s.date),
    recipient: s.recipient,
    theirReference: s.theirReference,
    ourReference: s.ourReference,
    letterheadOrganisation: s.letterheadOrganisation,
    letterheadUnit: s.letterheadUnit,
    letterheadAddress: s.letterheadAddress,
    closing: s.closing,
    updatedAt: s.updatedAt,
    sections: s.sections.map((x) => ({
      kind: x.kind,
      showHeading: x.showHeading,
      heading: x.kind === "BLOCK" ? (x.blockVersion?.heading ?? null) : x.heading,
      body: sectionBody(x),
      library: x.blockVersion
        ? {
            blockId: x.blockVersion.blockId,
            versionId: x.blockVersion.id,
            number: x.blockVersion.number,
            heading: x.blockVersion.heading,
            body: bodyOf(x.blockVersion.body),
            plainText: x.blockVersion.plainText,
          }
        : null,
    })),
    signatories: s.signatories.map((x) => ({ signatoryId: x.signatoryId, note: x.note })),
  };
}
export type SubmissionView = ReturnType<typeof view>;

const hearingInput = z.object({ hearingId: fields.id() });
const idInput = z.object({ id: fields.id() });

/** The submission of a hearing, created with the hearing's details on first use (idempotent). */
export async function createSubmission(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, SUBMISSION_EDITORS);
  const { hearingId } = parseInput(hearingInput, input);
  const hearing = await db.hearing.findFirst({
    where: { id: hearingId, organisationId: actor.organisationId },
    include: {
      issuingBody: true,
      organisation: true,
      submissions: { select: { id: true }, orderBy: { revision: "desc" }, take: 1 },
    },
  });
  if (!hearing) throw new AppError("NOT_FOUND", "hearingNotFound");
  if (hearing.submissions[0]) return { id: hearing.submissions[0].id, created: false };
  return db.$transaction(async (tx) => {
    const s = await tx.submission.create({
      data: {
        organisationId: actor.organisationId,
        hearingId,
        title: `${hearing.kind === "HORING" ? "Høringssvar" : "Innspill"} – ${hearing.title}`.slice(0, 300),
        place: "Oslo",
        date: dateOnlyToDb(osloDate(new Date())),
        recipient: hearing.issuingBody.name,
        theirReference: hearing.theirReference,
        ourReference: hearing.ourReference,
        letterheadOrganisation: hearing.organisation.name,
        letterheadAddress: hearing.organisation.address,
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.created",
      entity: "Submission",
      entityId: s.id,
      data: { hearingId },
    });
    return { id: s.id, created: true };
  });
}

export async function getSubmission(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(idInput, input);
  return view(await loadSubmission(db, id, actor));
}

/** The submission of a hearing, or null while none is started. */
export async function findSubmissionForHearing(db: Db, input: unknown, actor: Actor) {
  const { hearingId } = parseInput(hearingInput, input);
  return db.submission.findFirst({
    where: { hearingId, organisationId: actor.organisationId },
    select: { id: true, title: true, updatedAt: true, status: true, revision: true },
    orderBy: { revision: "desc" },
  });
}

/** The letter as it will be sent (HTML from the same document model as the files), with its warnings. */
export async function previewSubmission(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(idInput, input);
  const s = await loadSubmission(db, id, actor);
  const built = await buildSnapshot(db, s);
  return {
    version: s.version,
    html: renderHtml(assemble(built.snapshot)),
    warnings: built.warnings,
    snapshotSha256: built.sha256,
  };
}

/**
 * Saves the whole letter: fields, sections (in order) and signatories. A save from an older version is a CONFLICT
 * that carries the saved letter, so the composer can show both and nothing typed is lost.
 */
export async function saveSubmission(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, SUBMISSION_EDITORS);
  const data = parseInput(saveSubmissionInput, input);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM "Submission" WHERE id = ${data.id}::uuid AND "organisationId" = ${actor.organisationId}::uuid FOR UPDATE`;
    if (!rows[0]) throw new AppError("NOT_FOUND", "submissionNotFound");
    if (rows[0].version !== data.version) {
      const current = await loadSubmission(tx, data.id, actor);
      throw new AppError("CONFLICT", "submissionConflict", { details: { current: view(current) } });
    }
    const before = await loadSubmission(tx, data.id, actor);
    // A signed letter stays as it was signed: changes go into a new revision.
    if (before.status === "SIGNED" || before.status === "SENT")
      throw new AppError("BAD_REQUEST", "submissionLocked");

    // Pinned versions must be published versions of this organisation's blocks.
    const versionIds = [
      ...new Set(data.sections.flatMap((x) => ("blockVersionId" in x ? [x.blockVersionId] : []))),
    ];
    if (versionIds.length) {
      const found = await tx.textBlockVersion.count({
        where: { id: { in: versionIds }, block: { organisationId: actor.organisationId } },
      });
      if (found !== versionIds.length)
        throw new AppError("BAD_REQUEST", "unknownBlockVersion", {
          fieldErrors: { sections: ["unknownBlockVersion"] },
        });
    }
    // Local copies and free text may only refer to this organisation's facts and positions.
    const own = data.sections.flatMap((x) => ("body" in x ? [x.body] : []));
    const positionIds = [...new Set(own.flatMap(bodyPositionIds))];
    if (
      positionIds.length &&
      (await tx.position.count({
        where: { id: { in: positionIds }, organisationId: actor.organisationId },
      })) !== positionIds.length
    )
      throw new AppError("BAD_REQUEST", "unknownPositions", {
        fieldErrors: { sections: ["unknownPositions"] },
      });
    const factKeys = [...new Set(own.flatMap(bodyFactKeys))];
    if (
      factKeys.length &&
      (await tx.fact.count({ where: { key: { in: factKeys }, organisationId: actor.organisationId } })) !==
        factKeys.length
    )
      throw new AppError("BAD_REQUEST", "unknownFacts", { fieldErrors: { sections: ["unknownFacts"] } });

    const signatoryIds = data.signatories.map((x) => x.signatoryId);
    if (
      signatoryIds.length &&
      (await tx.signatory.count({
        where: { id: { in: signatoryIds }, organisationId: actor.organisationId, active: true },
      })) !== signatoryIds.length
    )
      throw new AppError("BAD_REQUEST", "unknownSignatory", {
        fieldErrors: { signatories: ["unknownSignatory"] },
      });

    await tx.submissionSection.deleteMany({ where: { submissionId: data.id } });
    await tx.submissionSignatory.deleteMany({ where: { submissionId: data.id } });
    await tx.submission.update({
      where: { id: data.id },
      data: {
        title: data.title,
        place: data.place,
        date: dateOnlyToDb(data.date),
        recipient: data.recipient,
        theirReference: data.theirReference,
        ourReference: data.ourReference,
        letterheadOrganisation: data.letterheadOrganisation,
        letterheadUnit: data.letterheadUnit,
        letterheadAddress: data.letterheadAddress,
        closing: data.closing,
        signingOrder: data.signingOrder,
        version: { increment: 1 },
        sections: {
          create: data.sections.map((x, position) => ({
            position,
            kind: x.kind,
            showHeading: x.showHeading,
            blockVersionId: "blockVersionId" in x ? x.blockVersionId : null,
            heading: "heading" in x ? x.heading : null,
            body: "body" in x ? (x.body as Prisma.InputJsonValue) : undefined,
          })),
        },
        signatories: {
          create: data.signatories.map((x, position) => ({
            position,
            signatoryId: x.signatoryId,
            note: x.note,
          })),
        },
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.saved",
      entity: "Submission",
      entityId: data.id,
      data: { version: data.version + 1, sections: data.sections.length },
    });
    // Any change to what was put up for approval voids the approvals and signatures, and returns it to review.
    if (before.snapshotSha256) {
      const after = await buildSnapshot(tx, await loadSubmission(tx, data.id, actor));
      if (after.sha256 !== before.snapshotSha256)
        await voidApprovals(tx, await loadSubmission(tx, data.id, actor), actor, "edited");
    }
    return view(await loadSubmission(tx, data.id, actor));
  });
}

/** Submissions in progress, newest first, for the Innspill list. */
export async function listSubmissions(db: Db, actor: Actor) {
  const rows = await db.submission.findMany({
    where: { organisationId: actor.organisationId },
    include: {
      hearing: { select: { id: true, title: true, deadline: true, status: true } },
      renders: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, createdAt: true } },
      _count: { select: { sections: true } },
    },
    orderBy: { updatedAt: "desc" },
  });
  return rows.map((s) => ({
    id: s.id,
    title: s.title,
    date: dbToDateOnly(s.date),
    updatedAt: s.updatedAt,
    hearing: { ...s.hearing, deadline: dbToDateOnly(s.hearing.deadline) },
    sections: s._count.sections,
    lastRender: s.renders[0] ?? null,
  }));
}

export { loadSubmission };
