import { z } from "zod";
import type { Db, Prisma } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { fields, parseInput } from "../common/validation";
import type { BlockNode } from "./body";
import { insertPublishedVersion } from "./blocks";
import { parsePolicyPlatform } from "./import";
import { insertPosition } from "./positions";

export const proposePlatformInput = z.object({
  text: z.string({ error: "required" }).min(1, { error: "required" }).max(500_000, { error: "textTooLong" }),
  source: fields.optionalText(300, "textTooLong"),
});

/** The proposal for the review step; nothing is saved. */
export function proposePlatformImport(input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const { text, source } = parseInput(proposePlatformInput, input);
  return parsePolicyPlatform(text, { source: source ?? "" });
}

const part = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("paragraph"), text: z.string().trim().min(1).max(20_000) }),
  z.object({
    kind: z.literal("positions"),
    statements: z.array(fields.requiredText(2000, "textTooLong")).min(1).max(100),
  }),
]);

export const commitPlatformInput = z.object({
  source: fields.optionalText(300, "textTooLong"),
  adoptedOn: fields.optionalDateOnly(),
  owningUnit: fields.optionalText(200, "textTooLong"),
  blocks: z
    .array(
      z.object({
        heading: fields.requiredText(200, "titleTooLong"),
        topics: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
        parts: z.array(part).min(1).max(200),
      }),
    )
    .min(1, { error: "importEmpty" })
    .max(200),
});

/**
 * Saves a reviewed proposal: every statement becomes an active position (version 1, with the source), and every
 * section a text block whose body refers to those positions in its "NITO mener" lists, published as version 1.
 * One transaction: all or nothing.
 */
export async function commitPlatformImport(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const data = parseInput(commitPlatformInput, input);
  const reason = data.source ? `Importert fra ${data.source}` : "Importert";
  return db.$transaction(
    async (tx) => {
      const created = { blocks: [] as string[], positions: 0 };
      for (const b of data.blocks) {
        const content: BlockNode[] = [];
        for (const p of b.parts) {
          if (p.kind === "paragraph") {
            content.push({ type: "paragraph", content: [{ type: "text", text: p.text }] });
            continue;
          }
          const ids: string[] = [];
          for (const statement of p.statements) {
            const pos = await insertPosition(
              tx,
              {
                statement,
                topics: b.topics,
                source: data.source,
                adoptedOn: data.adoptedOn,
                owningUnit: data.owningUnit,
                status: "ACTIVE",
              },
              reason,
              actor,
            );
            ids.push(pos.id);
          }
          created.positions += ids.length;
          content.push({ type: "positionList", attrs: { positionIds: ids } });
        }
        const body = { type: "doc" as const, content };
        const block = await tx.textBlock.create({
          data: {
            organisationId: actor.organisationId,
            heading: b.heading,
            topics: b.topics,
            body: body as Prisma.InputJsonValue,
          },
        });
        await insertPublishedVersion(
          tx,
          { id: block.id, heading: b.heading, body, topics: b.topics },
          reason,
          actor,
        );
        created.blocks.push(block.id);
      }
      await recordAudit(tx, {
        organisationId: actor.organisationId,
        actorId: actor.id,
        action: "library.imported",
        entity: "Organisation",
        entityId: actor.organisationId,
        data: { source: data.source, blocks: created.blocks.length, positions: created.positions },
      });
      return { blocks: created.blocks.length, positions: created.positions, blockIds: created.blocks };
    },
    { timeout: 60_000 },
  );
}
