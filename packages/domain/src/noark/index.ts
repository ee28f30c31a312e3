/**
 * Noark 5 export of a hearing case, in the style of an arkivuttrekk: `arkivstruktur.xml` with the documents beside it
 * (`dokumenter/`), and the XSD of the subset used (`arkivstruktur.xsd`).
 *
 * Element names, their order and cardinalities, and the code values follow Noark 5 version 5.0 (Arkivverket,
 * «Noark 5 v5.0», arkivstruktur.xsd and the metadata catalogue): arkiv → arkivdel → mappe (saksmappe) → registrering
 * (journalpost) → dokumentbeskrivelse → dokumentobjekt. The XSD below is written for the subset Innspill fills,
 * keeping that order; it is not a copy of the standard's schema.
 */
import { sha256 } from "../hash";
import { z } from "zod";
import type { Db } from "@innspill/db";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { dbToDateOnly } from "../dates";
import { AppError } from "../errors";
import { fields, parseInput } from "../validation";
import { NOARK_XSD } from "./xsd";

export { NOARK_XSD };

const NS = "http://www.arkivverket.no/standarder/noark5/arkivstruktur";
const FORMAT = { pdf: "fmt/477", docx: "fmt/412" } as const; // PRONOM: PDF/A-2b, Word 2007+ (OOXML)

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const el = (name: string, value: string | number | null | undefined, indent: string) =>
  value === null || value === undefined || value === ""
    ? ""
    : `${indent}<${name}>${esc(String(value))}</${name}>\n`;
const uuidFrom = (seed: string) => {
  const h = sha256(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

interface ExportFile {
  path: string;
  bytes: Buffer;
}

interface DocumentEntry {
  title: string;
  variants: { variant: "Arkivformat" | "Produksjonsformat"; format: string; file: ExportFile }[];
}

export async function exportNoark(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const h = await db.hearing.findFirst({
    where: { id, organisationId: actor.organisationId },
    include: {
      issuingBody: true,
      organisation: true,
      responsible: { select: { name: true } },
      documents: { orderBy: { createdAt: "asc" } },
      submissions: {
        orderBy: { revision: "desc" },
        include: { signedDocument: true, sending: true, renders: true },
      },
    },
  });
  if (!h) throw new AppError("NOT_FOUND", "hearingNotFound");
  const now = new Date();
  const at = now.toISOString();
  const files: ExportFile[] = [];
  const addFile = (name: string, bytes: Buffer) => {
    const file = {
      path: `dokumenter/${files.length + 1}-${name.replace(/[^\p{L}\p{N}._-]+/gu, "_")}`,
      bytes,
    };
    files.push(file);
    return file;
  };

  // The incoming hearing letter: the hearing's own documents.
  const incoming: DocumentEntry[] = h.documents.map((d) => ({
    title: d.filename,
    variants: [
      {
        variant: "Arkivformat",
        format: d.mimeType === "application/pdf" ? "fmt/95" : FORMAT.docx,
        file: addFile(d.filename, Buffer.from(d.content)),
      },
    ],
  }));

  // The outgoing letter: the signed PDF/A (archive format) and the DOCX (production format).
  const sent = h.submissions.find((s) => s.signedDocument);
  const outgoing: DocumentEntry[] = [];
  if (sent?.signedDocument) {
    const pdf = await db.storedFile.findUniqueOrThrow({ where: { sha256: sent.signedDocument.pdfSha256 } });
    const render = sent.renders.find((r) => r.snapshotSha256 === sent.signedDocument!.snapshotSha256);
    const docx = render?.docxSha256
      ? await db.storedFile.findUnique({ where: { sha256: render.docxSha256 } })
      : null;
    outgoing.push({
      title: sent.title,
      variants: [
        {
          variant: "Arkivformat",
          format: FORMAT.pdf,
          file: addFile(`${sent.title}.pdf`, Buffer.from(pdf.content)),
        },
        ...(docx
          ? [
              {
                variant: "Produksjonsformat" as const,
                format: FORMAT.docx,
                file: addFile(`${sent.title}.docx`, Buffer.from(docx.content)),
              },
            ]
          : []),
      ],
    });
  }

  const year = dbToDateOnly(h.receivedDate ?? h.createdAt).slice(0, 4);
  const caseNo = h.ourReference ?? `${year}/${h.id.slice(0, 8)}`;
  const incomingId = uuidFrom(`${h.id}:inn`);
  const docXml = (docs: DocumentEntry[], seed: string, i2: string) =>
    docs
      .map((d, n) => {
        const i3 = `${i2}  `;
        const i4 = `${i3}  `;
        return (
          `${i2}<dokumentbeskrivelse>\n` +
          el("systemID", uuidFrom(`${seed}:${n}`), i3) +
          el("dokumenttype", "Brev", i3) +
          el("dokumentstatus", "Dokumentet er ferdigstilt", i3) +
          el("tittel", d.title, i3) +
          el("opprettetDato", at, i3) +
          el("opprettetAv", actor.name, i3) +
          el("tilknyttetRegistreringSom", n === 0 ? "Hoveddokument" : "Vedlegg", i3) +
          el("dokumentnummer", n + 1, i3) +
          el("tilknyttetDato", at, i3) +
          el("tilknyttetAv", actor.name, i3) +
          d.variants
            .map(
              (v) =>
                `${i3}<dokumentobjekt>\n` +
                el("versjonsnummer", 1, i4) +
                el("variantformat", v.variant, i4) +
                el("format", v.format, i4) +
                el("opprettetDato", at, i4) +
                el("opprettetAv", actor.name, i4) +
                el("referanseDokumentfil", v.file.path, i4) +
                el("sjekksum", sha256(v.file.bytes), i4) +
                el("sjekksumAlgoritme", "SHA256", i4) +
                el("filstoerrelse", v.file.bytes.byteLength, i4) +
                `${i3}</dokumentobjekt>\n`,
            )
            .join("") +
          `${i2}</dokumentbeskrivelse>\n`
        );
      })
      .join("");

  const i = "      ";
  const j = `${i}  `;
  const journalpost = (o: {
    id: string;
    type: "Inngående dokument" | "Utgående dokument";
    status: string;
    number: number;
    title: string;
    date: string;
    docs: DocumentEntry[];
    received?: string | null;
    sentOn?: string | null;
    due?: string | null;
    party: { type: "Avsender" | "Mottaker"; name: string };
    avskrivning?: string;
  }) =>
    `${i}<registrering>\n` +
    el("systemID", o.id, j) +
    el("opprettetDato", at, j) +
    el("opprettetAv", actor.name, j) +
    el("arkivertDato", at, j) +
    el("arkivertAv", actor.name, j) +
    docXml(o.docs, o.id, j) +
    el("registreringsID", `${caseNo}-${o.number}`, j) +
    el("tittel", o.title, j) +
    el("journalaar", year, j) +
    el("journalsekvensnummer", o.number, j) +
    el("journalpostnummer", o.number, j) +
    el("journalposttype", o.type, j) +
    el("journalstatus", o.status, j) +
    el("journaldato", o.date, j) +
    el("dokumentetsDato", o.date, j) +
    el("mottattDato", o.received ? `${o.received}T12:00:00Z` : null, j) +
    el("sendtDato", o.sentOn ? `${o.sentOn}T12:00:00Z` : null, j) +
    el("forfallsdato", o.due, j) +
    `${j}<korrespondansepart>\n` +
    el("korrespondanseparttype", o.party.type, `${j}  `) +
    el("korrespondansepartNavn", o.party.name, `${j}  `) +
    `${j}</korrespondansepart>\n` +
    (o.avskrivning ?? "") +
    `${i}</registrering>\n`;

  const deadline = dbToDateOnly(h.deadline);
  const received = h.receivedDate ? dbToDateOnly(h.receivedDate) : dbToDateOnly(h.createdAt);
  const sentOn = sent?.sending ? dbToDateOnly(sent.sending.sentOn) : null;
  const registrations = [
    journalpost({
      id: incomingId,
      type: "Inngående dokument",
      status: "Journalført",
      number: 1,
      title: h.title,
      date: received,
      docs: incoming,
      received,
      due: deadline,
      party: { type: "Avsender", name: h.issuingBody.name },
    }),
    ...(sent
      ? [
          journalpost({
            id: uuidFrom(`${h.id}:ut`),
            type: "Utgående dokument",
            status: sentOn ? "Ekspedert" : "Godkjent av leder",
            number: 2,
            title: sent.title,
            date: sentOn ?? dbToDateOnly(sent.signedDocument!.createdAt),
            docs: outgoing,
            sentOn,
            party: {
              type: "Mottaker",
              name: sent.sending?.recipient ?? sent.recipient ?? h.issuingBody.name,
            },
          }).replace(
            `${i}</registrering>\n`,
            // The incoming letter is written off: answered by letter («besvart med brev»).
            `${j}<avskrivning>\n` +
              el("avskrivningsdato", sentOn ?? dbToDateOnly(sent.signedDocument!.createdAt), `${j}  `) +
              el("avskrevetAv", actor.name, `${j}  `) +
              el("avskrivningsmaate", "Besvart med brev", `${j}  `) +
              el("referanseAvskrivesAvJournalpost", incomingId, `${j}  `) +
              `${j}</avskrivning>\n${i}</registrering>\n`,
          ),
        ]
      : []),
  ];

  const closed = ["SENDT", "ARKIVERT", "SVARER_IKKE"].includes(h.status);
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<!-- Noark 5 v5.0 arkivstruktur (subset; see arkivstruktur.xsd). Laget av Innspill ${at}. -->\n` +
    `<arkiv xmlns="${NS}">\n` +
    el("systemID", uuidFrom(`${h.organisationId}:arkiv`), "  ") +
    el("tittel", `${h.organisation.name} – høringssaker`, "  ") +
    el("arkivstatus", "Opprettet", "  ") +
    el("opprettetDato", at, "  ") +
    el("opprettetAv", "Innspill", "  ") +
    `  <arkivdel>\n` +
    el("systemID", uuidFrom(`${h.organisationId}:arkivdel`), "    ") +
    el("tittel", "Høringer og innspill", "    ") +
    el("arkivdelstatus", "Aktiv periode", "    ") +
    el("opprettetDato", at, "    ") +
    el("opprettetAv", "Innspill", "    ") +
    `    <mappe>\n` +
    el("systemID", uuidFrom(`${h.id}:mappe`), i) +
    el("mappeID", caseNo, i) +
    el("tittel", h.title, i) +
    el(
      "beskrivelse",
      [
        h.theirReference && `Deres referanse: ${h.theirReference}`,
        h.ourReference && `Vår referanse: ${h.ourReference}`,
      ]
        .filter(Boolean)
        .join(". "),
      i,
    ) +
    el("opprettetDato", h.createdAt.toISOString(), i) +
    el("opprettetAv", actor.name, i) +
    registrations.join("") +
    el("saksaar", year, i) +
    el("sakssekvensnummer", 1, i) +
    el("saksdato", received, i) +
    el("administrativEnhet", h.organisation.name, i) +
    el("saksansvarlig", h.responsible?.name ?? actor.name, i) +
    el("saksstatus", closed ? "Avsluttet" : "Under behandling", i) +
    `    </mappe>\n` +
    `  </arkivdel>\n` +
    `</arkiv>\n`;

  await recordAudit(db, {
    organisationId: actor.organisationId,
    actorId: actor.id,
    action: "hearing.exported",
    entity: "Hearing",
    entityId: h.id,
    data: { files: files.length, format: "Noark 5 v5.0" },
  });
  return {
    name: `noark-${caseNo.replace(/[^\w-]+/g, "-")}`,
    files: [
      { path: "arkivstruktur.xml", bytes: Buffer.from(xml, "utf8") },
      { path: "arkivstruktur.xsd", bytes: Buffer.from(NOARK_XSD, "utf8") },
      ...files,
    ],
    deadline,
  };
}
