/**
 * The canonical snapshot of a saved letter, which the documents are assembled from: facts resolved and titles
 * valid on the letter's date; its SHA-256 names it. With it come the warnings an adviser should see.
 */
import { sha256 } from "../common/hash";
import type { DbTx } from "@innspill/db";
import { canonicalJson, type SubmissionSnapshot, type TemplateVersion } from "@innspill/documents/preview";
import { dbToDateOnly, formatDate } from "../dates/dates";
import { bodyFactKeys, bodyPositionIds, bodyToPlainText, type BlockBody } from "../library/body";
import { formatFactValue, resolveFactValue, resolveFacts } from "../library/facts";
import { wordDiff, type WordDiffPart } from "../library/diff";
import { similarity } from "../imports/similarity";
import { getOrganisationSettings } from "../organisation/settings";
import { titleOn } from "./schemas";
import { sectionBody, sectionHeading, type FullSubmission } from "./load";
import { snapshotSigning } from "./plan";

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
  /** `date`: the letter's date, on which the signatory has no title. */
  | { kind: "signatoryNoTitle"; signatoryId: string; name: string; date: string }
  | { kind: "noSignatories" }
  | { kind: "noSections" };

/** Below this similarity to its library version, a local copy is flagged as saying something else. */
const LOCAL_DIVERGENCE_THRESHOLD = 0.6;

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
      warnings.push({ kind: "signatoryNoTitle", signatoryId: x.signatoryId, name: x.signatory.name, date });
    return { name: x.signatory.name, title, note: x.note };
  });
  if (!signatories.length) warnings.push({ kind: "noSignatories" });
  const { letterFooter, letterLogo } = await getOrganisationSettings(db, s.organisationId);
  if (!s.sections.length) warnings.push({ kind: "noSections" });

  const snapshot: SubmissionSnapshot = {
    // The template the letter renders with; absent for version 1, so older letters' snapshots stay as they were.
    ...(s.templateVersion > 1 ? { templateVersion: s.templateVersion as TemplateVersion } : {}),
    letterhead: {
      organisation: s.letterheadOrganisation,
      unit: s.letterheadUnit,
      address: s.letterheadAddress,
      // Only when set: the snapshots (and approvals) of letters without one stay as they were.
      ...(letterFooter ? { footer: letterFooter } : {}),
      ...(letterLogo ? { logo: letterLogo } : {}),
    },
    place: s.place,
    date,
    dateText: formatDate(date),
    recipient: s.recipient,
    theirReference: s.theirReference,
    ourReference: s.ourReference,
    // From template version 3 the letter names its contact person: the hearing's responsible adviser. Only then, so
    // the snapshots (and approvals) of earlier letters stay as they were.
    ...(s.templateVersion >= 3
      ? {
          contact: s.hearing.responsible
            ? { name: s.hearing.responsible.name, email: s.hearing.responsible.email }
            : null,
        }
      : {}),
    title: s.title,
    sections: s.sections.map((x, i) => ({ heading: sectionHeading(x), body: bodies[i]! })),
    closing: s.closing,
    signatories,
    facts: Object.fromEntries(factKeys.map((k) => [k, facts.get(k)?.value ?? null])),
    positions: Object.fromEntries(positions.map((p) => [p.id, p.statement])),
    // Who signs, with which login, in which order: not printed, but hashed, so an approval names it (plan.ts).
    signing: snapshotSigning(s),
  };
  const json = canonicalJson(snapshot);
  return {
    snapshot,
    json,
    sha256: sha256(json),
    /** The hash as letters frozen before the plan was hashed have it (plan.ts): the snapshot without `signing`. */
    sha256WithoutPlan: () => sha256(canonicalJson({ ...snapshot, signing: undefined })),
    warnings,
  };
}
