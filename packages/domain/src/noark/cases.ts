/**
 * A closed hearing case as the archive sees it (saksmappe, journalposter, documents, changes), read from the case's
 * own history: who registered it and when, who signed and sent the letter, who closed it. Nothing here is "now",
 * except notes that the export itself writes.
 */
import type { Db } from "@innspill/db";
import { dbToDateOnly, osloDate } from "../dates/dates";
import { CLOSED_STATUSES } from "../access/permissions";
import { PDFA_2B } from "./formats";
import { uuidFrom } from "./xml";
import {
  instant,
  startOfOsloDay,
  type CaseDocument,
  type Change,
  type NoarkCase,
  type Registry,
} from "./model";

const CHANNEL_WRITE_OFF: Record<string, string> = { EPOST: "Besvart med e-post" };
const FIELD_LABELS: Record<string, { unit: "case" | "incoming"; field: string }> = {
  title: { unit: "case", field: "tittel" },
  deadline: { unit: "incoming", field: "forfallsdato" },
};
const STATUS_CLOSED = new Set<string>(CLOSED_STATUSES);

type AuditRow = { action: string; actorId: string | null; createdAt: Date; data: unknown; entityId: string };

/** Reads the given closed hearings of the organisation as archive cases, in registration order. */
export async function readCases(db: Db, organisationId: string, hearingIds: string[]): Promise<NoarkCase[]> {
  const hearings = await db.hearing.findMany({
    where: { id: { in: hearingIds }, organisationId, status: { in: [...CLOSED_STATUSES] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      issuingBody: { select: { name: true } },
      organisation: { select: { name: true } },
      responsible: { select: { name: true } },
      decidedBy: { select: { name: true } },
      // Without their bytes: each file is read when the package is written (DocumentFile.load).
      documents: {
        orderBy: { createdAt: "asc" },
        omit: { content: true, archiveContent: true },
      },
      journalEntries: true,
      submissions: {
        orderBy: { revision: "desc" },
        include: {
          signedDocument: true,
          sending: true,
          signatures: { where: { voidedAt: null }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  const ids = hearings.map((h) => h.id);
  const submissionIds = hearings.flatMap((h) => h.submissions.map((s) => s.id));
  const [audit, imports, users] = await Promise.all([
    db.auditEvent.findMany({
      where: {
        OR: [
          { entity: "Hearing", entityId: { in: ids } },
          { entity: "Submission", entityId: { in: submissionIds }, action: "submission.created" },
        ],
      },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, createdAt: true, data: true, entityId: true },
    }),
    db.importedLetter.findMany({ where: { hearingId: { in: ids } }, orderBy: { createdAt: "asc" } }),
    db.user.findMany({ where: { organisationId }, select: { id: true, name: true } }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const nameOf = (id: string | null | undefined) => (id && names.get(id)) || "Innspill";
  const events = new Map<string, AuditRow[]>();
  for (const e of audit) events.set(e.entityId, [...(events.get(e.entityId) ?? []), e]);
  const stored = new Map(
    (
      await db.storedFile.findMany({
        where: {
          sha256: {
            in: hearings.flatMap((h) =>
              h.submissions.flatMap((s) =>
                [s.signedDocument?.pdfSha256, s.signedDocument?.auditPdfSha256].filter(
                  (x): x is string => !!x,
                ),
              ),
            ),
          },
        },
        select: { sha256: true, size: true },
      })
    ).map((f) => [f.sha256, f.size]),
  );
  const storedFile = (sha: string) => async () =>
    Buffer.from((await db.storedFile.findUniqueOrThrow({ where: { sha256: sha } })).content);

  return hearings.map((h) => {
    const own = events.get(h.id) ?? [];
    const created = own.find((e) => e.action === "hearing.created");
    const closing = [...own].reverse().find((e) => {
      const to = (e.data as { to?: string } | null)?.to;
      return (
        (e.action === "hearing.transitioned" || e.action === "hearing.decided") &&
        !!to &&
        STATUS_CLOSED.has(to)
      );
    });
    const createdBy = nameOf(created?.actorId);
    const closedAt = closing?.createdAt ?? h.updatedAt;
    const closedBy = closing ? nameOf(closing.actorId) : createdBy;
    const received = h.receivedDate ? dbToDateOnly(h.receivedDate) : osloDate(h.createdAt);
    const incomingId = uuidFrom(`${h.id}:journalpost:inn`);

    // A letter sent outside Innspill is one of the hearing's documents, named by the step that closed the case.
    const outside = own.find(
      (e) =>
        e.action === "hearing.transitioned" &&
        (e.data as { outsideInnspill?: boolean } | null)?.outsideInnspill,
    );
    const outsideDocumentId = (outside?.data as { documentId?: string } | undefined)?.documentId ?? null;
    const asDocument = (d: (typeof h.documents)[number], n: number, fallbackTitle: string): CaseDocument => {
      const by = nameOf(d.uploadedById);
      const copy = d.archiveStatus === "ARCHIVAL" || d.archiveStatus === "CONVERTED";
      return {
        systemID: d.id,
        title: d.title ?? fallbackTitle,
        type: "Brev",
        description: null,
        role: n === 0 ? "Hoveddokument" : "Vedlegg",
        number: n + 1,
        createdAt: d.createdAt,
        createdBy: by,
        file:
          copy && d.archiveSha256
            ? {
                systemID: uuidFrom(`${d.id}:objekt`),
                path: "",
                size: d.archiveSize ?? d.size,
                sha256: d.archiveSha256,
                format: PDFA_2B,
                createdAt: d.archivedAt ?? d.createdAt,
                createdBy: by,
                load: async () => {
                  const row = await db.hearingDocument.findUniqueOrThrow({
                    where: { id: d.id },
                    select: {
                      content: d.archiveStatus === "ARCHIVAL",
                      archiveContent: d.archiveStatus === "CONVERTED",
                    },
                  });
                  return Buffer.from((row.archiveContent ?? row.content)!);
                },
                conversion:
                  d.archiveStatus === "CONVERTED"
                    ? {
                        at: d.archivedAt ?? d.createdAt,
                        from: d.originalFormat ?? d.mimeType,
                        fromSha256: d.sha256,
                      }
                    : null,
              }
            : null,
        notes: copy
          ? []
          : [
              {
                text: `Filen «${d.filename}» har ingen kopi i arkivformat${d.archiveError ? `: ${d.archiveError}` : "."}`,
                at: d.createdAt,
                by,
              },
            ],
      };
    };
    const entryOf = (direction: "INN" | "UT") => h.journalEntries.find((e) => e.direction === direction);
    const numbers = (direction: "INN" | "UT") => {
      const e = entryOf(direction);
      return {
        journalYear: e?.year ?? 0,
        journalSeq: e?.seq ?? 0,
        journalDate: e ? dbToDateOnly(e.journalDate) : received,
      };
    };
    const screening =
      h.screeningBasis && h.publicTitle ? { basis: h.screeningBasis, publicTitle: h.publicTitle } : null;
    const publicTitle = screening?.publicTitle ?? null;
    const incomingDocs = h.documents
      .filter((d) => d.id !== outsideDocumentId)
      .map((d, n) =>
        asDocument(d, n, n === 0 ? `Høringsbrev: ${h.title}` : `Vedlegg ${n} til høringsbrevet`),
      );

    const registrations: Registry[] = [];
    const incoming: Registry = {
      systemID: incomingId,
      number: 1,
      type: "Inngående dokument",
      title: h.title,
      createdAt: h.createdAt,
      createdBy,
      archivedAt: closedAt,
      archivedBy: closedBy,
      ...numbers("INN"),
      documentDate: h.receivedDate ? received : null,
      receivedAt: startOfOsloDay(received),
      sentAt: null,
      due: dbToDateOnly(h.deadline),
      authors: [],
      party: { type: "Avsender", name: h.issuingBody.name, email: null },
      publicTitle,
      writeOff: null,
      documents: incomingDocs,
      notes: [],
    };
    registrations.push(incoming);

    const sent = h.submissions.find((s) => s.signedDocument && s.sending);
    const imported = imports.filter((l) => l.hearingId === h.id).at(-1);
    if (sent?.signedDocument && sent.sending) {
      const sending = sent.sending;
      const sentOn = dbToDateOnly(sending.sentOn);
      const outgoingId = uuidFrom(`${sent.id}:journalpost:ut`);
      const author = nameOf(events.get(sent.id)?.[0]?.actorId);
      const signers = sent.signatures.map((s) => nameOf(s.userId));
      const pdfSize = stored.get(sent.signedDocument.pdfSha256);
      registrations.push({
        systemID: outgoingId,
        number: 2,
        type: "Utgående dokument",
        title: sent.title,
        createdAt: sent.createdAt,
        createdBy: author,
        archivedAt: sending.createdAt,
        archivedBy: nameOf(sending.recordedById),
        ...numbers("UT"),
        documentDate: dbToDateOnly(sent.date),
        receivedAt: null,
        sentAt: osloDate(sending.createdAt) === sentOn ? instant(sending.createdAt) : startOfOsloDay(sentOn),
        due: null,
        authors: signers,
        party: party(sending.recipient, h.issuingBody.name),
        publicTitle,
        writeOff: null,
        documents: [
          {
            systemID: uuidFrom(`${sent.signedDocument.id}:dokument`),
            title: sent.title,
            type: "Brev",
            description: null,
            role: "Hoveddokument",
            number: 1,
            createdAt: sent.signedDocument.createdAt,
            createdBy: author,
            file:
              pdfSize !== undefined
                ? {
                    systemID: uuidFrom(`${sent.signedDocument.id}:objekt`),
                    path: "",
                    size: pdfSize,
                    sha256: sent.signedDocument.pdfSha256,
                    format: PDFA_2B,
                    createdAt: sent.signedDocument.createdAt,
                    createdBy: "Innspill",
                    load: storedFile(sent.signedDocument.pdfSha256),
                    conversion: null,
                  }
                : null,
            notes: [],
          },
          // The audit trail of approval and signing, kept with the letter (it was not sent with it).
          ...auditDocument(sent.signedDocument, stored, storedFile),
        ],
        notes: [
          {
            text:
              `Elektronisk godkjent og signert i Innspill av ${sent.signatures
                .map((s) => `${nameOf(s.userId)} (${instant(s.createdAt)})`)
                .join(", ")}. ` + `Innholdets SHA-256: ${sent.signedDocument.snapshotSha256}.`,
            at: sent.signedDocument.createdAt,
            by: "Innspill",
          },
        ],
      });
      incoming.writeOff = {
        date: sentOn,
        by: nameOf(sending.recordedById),
        how: CHANNEL_WRITE_OFF[sending.channel] ?? "Besvart med brev",
        answeredBy: outgoingId,
      };
    } else if (imported) {
      const sentOn = dbToDateOnly(imported.sentOn);
      const outgoingId = uuidFrom(`${imported.id}:journalpost:ut`);
      const by = nameOf(imported.createdById);
      registrations.push({
        systemID: outgoingId,
        number: 2,
        type: "Utgående dokument",
        title: imported.title,
        createdAt: imported.createdAt,
        createdBy: by,
        archivedAt: imported.createdAt,
        archivedBy: by,
        ...numbers("UT"),
        documentDate: sentOn,
        receivedAt: null,
        sentAt: startOfOsloDay(sentOn),
        due: null,
        authors: [],
        party: party(imported.recipient ?? h.issuingBody.name, h.issuingBody.name),
        publicTitle,
        writeOff: null,
        documents: [],
        notes: [
          {
            text: `Registrert fra et brev importert til Innspill${imported.sourceName ? ` («${imported.sourceName}»)` : ""}. Originalfilen er arkivert utenfor Innspill.`,
            at: imported.createdAt,
            by,
          },
        ],
      });
      incoming.writeOff = { date: sentOn, by, how: "Besvart med brev", answeredBy: outgoingId };
    } else if (h.status === "SVARER_IKKE" || h.decision === "SVARER_IKKE") {
      // Declined: the incoming letter is written off as noted, with the reason.
      const by = h.decidedBy?.name ?? closedBy;
      incoming.writeOff = {
        date: osloDate(h.decidedAt ?? closedAt),
        by,
        how: "Tatt til orientering",
        answeredBy: null,
      };
      incoming.notes.push({
        text: `Svarer ikke${h.decisionReason ? `: ${h.decisionReason}` : "."}`,
        at: h.decidedAt ?? closedAt,
        by,
      });
    } else if (outside && outsideDocumentId) {
      // «Sendt utenfor Innspill»: the sent letter, as the hearing's documents hold it, is the outgoing journalpost.
      const letter = h.documents.find((d) => d.id === outsideDocumentId);
      const sentOn = osloDate(outside.createdAt);
      const by = nameOf(outside.actorId);
      const outgoingId = uuidFrom(`${h.id}:journalpost:ut-utenfor`);
      registrations.push({
        systemID: outgoingId,
        number: 2,
        type: "Utgående dokument",
        title: letter?.title ?? `Svar: ${h.title}`,
        createdAt: outside.createdAt,
        createdBy: by,
        archivedAt: outside.createdAt,
        archivedBy: by,
        ...numbers("UT"),
        documentDate: null,
        receivedAt: null,
        sentAt: instant(outside.createdAt),
        due: null,
        authors: [],
        party: { type: "Mottaker", name: h.issuingBody.name, email: null },
        publicTitle,
        writeOff: null,
        documents: letter ? [asDocument(letter, 0, `Svar: ${h.title}`)] : [],
        notes: [
          {
            text: `Sendt utenfor Innspill: ${(outside.data as { reason?: string }).reason ?? ""}`.trim(),
            at: outside.createdAt,
            by,
          },
        ],
      });
      incoming.writeOff = { date: sentOn, by, how: "Besvart med brev", answeredBy: outgoingId };
    } else {
      // Closed without an answer registered here (a legacy case, or a letter sent outside Innspill without its copy):
      // written off as noted, since no outgoing journalpost exists for «Besvart med brev» to point at.
      incoming.writeOff = {
        date: osloDate(closedAt),
        by: closedBy,
        how: "Tatt til orientering",
        answeredBy: null,
      };
      incoming.notes.push({
        text: "Saken ble avsluttet uten at et svarbrev er registrert i Innspill.",
        at: closedAt,
        by: closedBy,
      });
    }

    const changes: Change[] = [];
    for (const e of own) {
      if (e.action === "hearing.updated") {
        const all =
          ((e.data as { changes?: Record<string, { from: unknown; to: unknown }> }) ?? {}).changes ?? {};
        for (const [key, c] of Object.entries(all)) {
          const label = FIELD_LABELS[key];
          if (!label || c.from == null || c.to == null || c.from === "" || c.to === "") continue;
          changes.push({
            unit: label.unit === "case" ? h.id : incomingId,
            field: label.field,
            from: String(c.from),
            to: String(c.to),
            at: e.createdAt,
            by: nameOf(e.actorId),
          });
        }
      }
    }
    changes.push({
      unit: h.id,
      field: "saksstatus",
      from: "Under behandling",
      to: "Avsluttet",
      at: closedAt,
      by: closedBy,
    });

    return {
      systemID: h.id,
      title: h.title,
      description:
        [
          h.theirReference && `Deres referanse: ${h.theirReference}`,
          h.ourReference && `Vår referanse: ${h.ourReference}`,
        ]
          .filter(Boolean)
          .join(". ") || null,
      caseDate: received,
      createdAt: h.createdAt,
      createdBy,
      closedAt,
      closedBy,
      unit: h.organisation.name,
      responsible: h.responsible?.name ?? createdBy,
      registrations,
      changes,
      caseYear: h.caseYear ?? 0,
      caseSeq: h.caseSeq ?? 0,
      screening,
    };
  });
}

/** A recipient as the journal names it: a body's name, with an e-mail address in its own field. */
export function party(recipient: string, bodyName: string) {
  const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(recipient.trim()) ? recipient.trim() : null;
  return { type: "Mottaker" as const, name: email ? bodyName : recipient, email };
}

/**
 * The signed letter's log of approval and signing, kept with the outgoing journalpost as what it is: Innspill's own
 * record of who approved and signed, not a document that was sent (it is not counted as an attachment).
 */
function auditDocument(
  doc: { id: string; auditPdfSha256: string | null; createdAt: Date },
  sizes: Map<string, number>,
  load: (sha: string) => () => Promise<Buffer>,
): CaseDocument[] {
  const size = doc.auditPdfSha256 ? sizes.get(doc.auditPdfSha256) : undefined;
  if (!doc.auditPdfSha256 || size === undefined) return [];
  return [
    {
      systemID: uuidFrom(`${doc.id}:logg`),
      title: "Logg for godkjenning og signering",
      type: "Logg for godkjenning og signering",
      description:
        "Innspills logg over hvem som godkjente og signerte brevet, og når. Intern dokumentasjon, ikke sendt med brevet.",
      role: "Vedlegg",
      number: 2,
      createdAt: doc.createdAt,
      createdBy: "Innspill",
      file: {
        systemID: uuidFrom(`${doc.id}:logg:objekt`),
        path: "",
        size,
        sha256: doc.auditPdfSha256,
        format: PDFA_2B,
        createdAt: doc.createdAt,
        createdBy: "Innspill",
        load: load(doc.auditPdfSha256),
        conversion: null,
      },
      notes: [],
    },
  ];
}
