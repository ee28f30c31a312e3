/** Loading a submission with everything its views and snapshot need, and reading its sections' bodies. */
import type { DbTx, Prisma } from "@innspill/db";
import type { Actor } from "../access/actor";
import { AppError } from "../common/errors";
import { blockBody, type BlockBody } from "../library/body";

const full = {
  hearing: {
    select: {
      id: true,
      title: true,
      deadline: true,
      status: true,
      // Saksnummer and journalpost numbers, shown with the letter (noark/journal.ts).
      caseYear: true,
      caseSeq: true,
      // The contact person printed in letters of template version 3 on.
      responsible: { select: { name: true, email: true } },
      journalEntries: { select: { direction: true, year: true, seq: true } },
    },
  },
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
  // Whether the worker has made the signed PDF: «Marker som sendt» waits for it (read with the letter, in one query).
  signedDocument: { select: { id: true } },
} satisfies Prisma.SubmissionInclude;

export type FullSubmission = Prisma.SubmissionGetPayload<{ include: typeof full }>;

export const bodyOf = (json: unknown): BlockBody => {
  const parsed = blockBody.safeParse(json);
  return parsed.success ? parsed.data : { type: "doc", content: [] };
};

export const sectionBody = (s: FullSubmission["sections"][number]): BlockBody =>
  s.kind === "BLOCK" ? bodyOf(s.blockVersion?.body) : bodyOf(s.body);

export const sectionHeading = (s: FullSubmission["sections"][number]): string | null =>
  s.showHeading ? (s.kind === "BLOCK" ? (s.blockVersion?.heading ?? null) : s.heading) : null;

export async function loadSubmission(db: DbTx, id: string, actor: Actor): Promise<FullSubmission> {
  const s = await db.submission.findFirst({
    where: { id, organisationId: actor.organisationId },
    include: full,
  });
  if (!s) throw new AppError("NOT_FOUND", "submissionNotFound");
  return s;
}
