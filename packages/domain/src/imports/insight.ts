/**
 * Reuse insight (Innsikt): how often each position and topic is used, when last and to whom; active positions not
 * used lately; retired positions still in drafts; hearings answered and declined per quarter.
 */
import { z } from "zod";
import type { Db } from "@innspill/db";
import type { Actor } from "../actor";
import { addDaysToDateOnly, dbToDateOnly, osloDate } from "../dates";
import { blockBody, bodyPositionIds } from "../library/body";
import { countDecisionsByQuarter } from "../hearings/overview";
import { parseInput } from "../validation";

export const insightInput = z.object({ months: z.int().min(1).max(120).default(12) }).default({ months: 12 });

export async function getInsight(db: Db, input: unknown, actor: Actor) {
  const { months } = parseInput(insightInput, input);
  const since = addDaysToDateOnly(osloDate(new Date()), -Math.round(months * 30.44));
  const positions = await db.position.findMany({
    where: { organisationId: actor.organisationId },
    include: { usages: { orderBy: { usedOn: "desc" } } },
  });
  const perPosition = positions
    .map((p) => ({
      id: p.id,
      statement: p.statement,
      status: p.status,
      topics: p.topics,
      times: p.usages.length,
      lastUsed: p.usages[0] ? dbToDateOnly(p.usages[0].usedOn) : null,
      recipients: [...new Set(p.usages.map((u) => u.recipient).filter((x): x is string => !!x))],
      letters: new Set(p.usages.map((u) => u.submissionId ?? u.importedLetterId ?? u.id)).size,
    }))
    .sort((a, b) => b.times - a.times || a.statement.localeCompare(b.statement, "nb"));

  const topics = new Map<
    string,
    { topic: string; times: number; positions: number; lastUsed: string | null }
  >();
  for (const p of perPosition)
    for (const topic of p.topics.length ? p.topics : ["(uten tema)"]) {
      const t = topics.get(topic) ?? { topic, times: 0, positions: 0, lastUsed: null };
      t.times += p.times;
      t.positions += 1;
      if (p.lastUsed && (!t.lastUsed || p.lastUsed > t.lastUsed)) t.lastUsed = p.lastUsed;
      topics.set(topic, t);
    }

  // Retired positions still in letters that are not sent yet.
  const drafts = await db.submission.findMany({
    where: { organisationId: actor.organisationId, status: { notIn: ["SIGNED", "SENT"] } },
    select: {
      id: true,
      title: true,
      sections: { select: { kind: true, body: true, blockVersion: { select: { body: true } } } },
    },
  });
  const retired = new Map(positions.filter((p) => p.status === "RETIRED").map((p) => [p.id, p]));
  const retiredInDrafts = drafts.flatMap((d) => {
    const ids = new Set(
      d.sections.flatMap((s) => {
        const body = blockBody.safeParse(s.kind === "BLOCK" ? s.blockVersion?.body : s.body);
        return body.success ? bodyPositionIds(body.data) : [];
      }),
    );
    return [...ids]
      .filter((id) => retired.has(id))
      .map((id) => ({
        submissionId: d.id,
        letter: d.title,
        positionId: id,
        statement: retired.get(id)!.statement,
      }));
  });

  return {
    months,
    since,
    positions: perPosition,
    topics: [...topics.values()].sort((a, b) => b.times - a.times || a.topic.localeCompare(b.topic, "nb")),
    unusedActive: perPosition.filter((p) => p.status === "ACTIVE" && (!p.lastUsed || p.lastUsed < since)),
    retiredInDrafts,
    decisions: await countDecisionsByQuarter(db, actor),
  };
}
