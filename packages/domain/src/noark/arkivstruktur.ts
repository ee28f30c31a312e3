/**
 * `arkivstruktur.xml` (Noark 5 v5.0): arkiv → arkivskaper, arkivdel → mappe (xsi:type saksmappe) → registrering
 * (xsi:type journalpost) → dokumentbeskrivelse → dokumentobjekt. Element order and cardinality follow Arkivverket's
 * `arkivstruktur.xsd`; code values are the metadata catalogue's values for an extract (arkivdelstatus «Avsluttet
 * periode», saksstatus «Avsluttet», journalstatus «Arkivert», dokumentstatus «Dokumentet er ferdigstilt»).
 */
import type { CaseDocument, NoarkCase, Note, Registry } from "./model";
import { instant } from "./model";
import { XSI, document, el, toBytes, type Node } from "./xml";

const NS_ARKIVSTRUKTUR = "http://www.arkivverket.no/standarder/noark5/arkivstruktur";

export interface Extract {
  archiveId: string;
  partId: string;
  creator: { id: string; name: string };
  title: string;
  /** First and last day of the period (inclusive). */
  from: string;
  to: string;
  createdAt: Date;
  createdBy: string;
  cases: NoarkCase[];
  /**
   * What the package is: a deposit of a period that has ended, an interim extract of a period still running, or an
   * extract of one case (never a deposit: the case is deposited with the period it was closed in).
   */
  kind: "period" | "interim" | "case";
}

const SKJERMING_TITTEL = {
  mappe: "Skjerming tittel mappe - utvalgte ord",
  registrering: "Skjerming tittel registrering - utvalgte ord",
};

function skjerming(parent: Node, basis: string, metadata: string) {
  const s = parent.ele("skjerming");
  el(s, "tilgangsrestriksjon", "Unntatt offentlighet");
  el(s, "skjermingshjemmel", basis);
  el(s, "skjermingMetadata", metadata);
}

export const mappeID = (c: NoarkCase) => `${c.caseYear}/${c.caseSeq}`;

function notes(parent: Node, list: Note[]) {
  for (const n of list) {
    const m = parent.ele("merknad");
    el(m, "merknadstekst", n.text);
    el(m, "merknadstype", "Merknad fra saksbehandler");
    el(m, "merknadsdato", instant(n.at));
    el(m, "merknadRegistrertAv", n.by);
  }
}

function dokumentbeskrivelse(parent: Node, d: CaseDocument) {
  const db = parent.ele("dokumentbeskrivelse");
  el(db, "systemID", d.systemID);
  el(db, "dokumenttype", d.type);
  el(db, "dokumentstatus", "Dokumentet er ferdigstilt");
  el(db, "tittel", d.title);
  el(db, "beskrivelse", d.description);
  el(db, "opprettetDato", instant(d.createdAt));
  el(db, "opprettetAv", d.createdBy);
  el(db, "tilknyttetRegistreringSom", d.role);
  el(db, "dokumentnummer", d.number);
  el(db, "tilknyttetDato", instant(d.createdAt));
  el(db, "tilknyttetAv", d.createdBy);
  notes(db, d.notes);
  if (d.file) {
    const o = db.ele("dokumentobjekt");
    el(o, "systemID", d.file.systemID);
    el(o, "versjonsnummer", 1);
    el(o, "variantformat", "Arkivformat");
    // Arkade's N5.29: `format` is the file's extension; the PRONOM id is the detail.
    el(o, "format", d.file.format.format);
    el(o, "formatDetaljer", d.file.format.pronom);
    el(o, "opprettetDato", instant(d.file.createdAt));
    el(o, "opprettetAv", d.file.createdBy);
    el(o, "referanseDokumentfil", d.file.path);
    el(o, "sjekksum", d.file.sha256);
    el(o, "sjekksumAlgoritme", "SHA256");
    el(o, "filstoerrelse", d.file.size);
    if (d.file.conversion) {
      const k = o.ele("konvertering");
      el(k, "konvertertDato", instant(d.file.conversion.at));
      el(k, "konvertertAv", "Innspill");
      el(k, "konvertertFraFormat", d.file.conversion.from);
      el(k, "konvertertTilFormat", d.file.format.pronom);
      el(k, "konverteringsverktoey", "Innspill (Typst 0.14)");
      el(k, "konverteringskommentar", `Originalfilens SHA-256: ${d.file.conversion.fromSha256}`);
    }
  }
}

function journalpost(parent: Node, c: NoarkCase, r: Registry) {
  const j = parent.ele("registrering").att(XSI, "xsi:type", "journalpost");
  el(j, "systemID", r.systemID);
  el(j, "opprettetDato", instant(r.createdAt));
  el(j, "opprettetAv", r.createdBy);
  el(j, "arkivertDato", instant(r.archivedAt));
  el(j, "arkivertAv", r.archivedBy);
  if (c.screening) skjerming(j, c.screening.basis, SKJERMING_TITTEL.registrering);
  for (const d of r.documents) dokumentbeskrivelse(j, d);
  el(j, "registreringsID", `${mappeID(c)}-${r.number}`);
  el(j, "tittel", r.title);
  el(j, "offentligTittel", r.publicTitle);
  for (const a of r.authors) el(j, "forfatter", a);
  notes(j, r.notes);
  const k = j.ele("korrespondansepart");
  el(k, "korrespondanseparttype", r.party.type);
  el(k, "korrespondansepartNavn", r.party.name);
  el(k, "epostadresse", r.party.email);
  el(j, "journalaar", r.journalYear);
  el(j, "journalsekvensnummer", r.journalSeq);
  el(j, "journalpostnummer", r.number);
  el(j, "journalposttype", r.type);
  el(j, "journalstatus", "Arkivert");
  el(j, "journaldato", r.journalDate);
  el(j, "dokumentetsDato", r.documentDate);
  el(j, "mottattDato", r.receivedAt);
  el(j, "sendtDato", r.sentAt);
  el(j, "forfallsdato", r.due);
  el(j, "antallVedlegg", attachments(r) || null);
  if (r.writeOff) {
    const a = j.ele("avskrivning");
    el(a, "avskrivningsdato", r.writeOff.date);
    el(a, "avskrevetAv", r.writeOff.by);
    el(a, "avskrivningsmaate", r.writeOff.how);
    el(a, "referanseAvskrivesAvJournalpost", r.writeOff.answeredBy);
  }
}

function saksmappe(parent: Node, c: NoarkCase) {
  const m = parent.ele("mappe").att(XSI, "xsi:type", "saksmappe");
  el(m, "systemID", c.systemID);
  el(m, "mappeID", mappeID(c));
  el(m, "tittel", c.title);
  el(m, "offentligTittel", c.screening?.publicTitle ?? c.title);
  el(m, "beskrivelse", c.description);
  el(m, "opprettetDato", instant(c.createdAt));
  el(m, "opprettetAv", c.createdBy);
  el(m, "avsluttetDato", instant(c.closedAt));
  el(m, "avsluttetAv", c.closedBy);
  if (c.screening) skjerming(m, c.screening.basis, SKJERMING_TITTEL.mappe);
  for (const r of c.registrations) journalpost(m, c, r);
  el(m, "saksaar", c.caseYear);
  el(m, "sakssekvensnummer", c.caseSeq);
  el(m, "saksdato", c.caseDate);
  el(m, "administrativEnhet", c.unit);
  el(m, "saksansvarlig", c.responsible);
  el(m, "saksstatus", "Avsluttet");
}

export function arkivstrukturXml(x: Extract): Buffer {
  const a = document(NS_ARKIVSTRUKTUR, "arkiv");
  el(a, "systemID", x.archiveId);
  el(a, "tittel", x.title);
  el(a, "arkivstatus", "Avsluttet");
  el(a, "opprettetDato", instant(x.createdAt));
  el(a, "opprettetAv", x.createdBy);
  el(a, "avsluttetDato", instant(x.createdAt));
  el(a, "avsluttetAv", x.createdBy);
  const s = a.ele("arkivskaper");
  el(s, "arkivskaperID", x.creator.id);
  el(s, "arkivskaperNavn", x.creator.name);
  const d = a.ele("arkivdel");
  el(d, "systemID", x.partId);
  el(d, "tittel", partTitle(x));
  el(d, "beskrivelse", partDescription(x));
  el(d, "arkivdelstatus", x.kind === "period" ? "Avsluttet periode" : "Aktiv periode");
  el(d, "opprettetDato", instant(x.createdAt));
  el(d, "opprettetAv", x.createdBy);
  // Required by the schema in every arkivdel: the day this extract of it was closed.
  el(d, "avsluttetDato", instant(x.createdAt));
  el(d, "avsluttetAv", x.createdBy);
  el(d, "arkivperiodeStartDato", x.from);
  el(d, "arkivperiodeSluttDato", x.to);
  for (const c of x.cases) saksmappe(d, c);
  return toBytes(a);
}

/** Attachments that were sent or received with the letter: the signing log is Innspill's own record, not one. */
export const attachments = (r: Registry) =>
  r.documents.filter((d) => d.role === "Vedlegg" && d.type === "Brev").length;

export function partTitle(x: Extract): string {
  if (x.kind === "case") {
    const c = x.cases[0]!;
    return `Utdrag av sak ${mappeID(c)}: ${c.screening?.publicTitle ?? c.title}`;
  }
  return `Høringer og innspill ${x.from} – ${x.to}${x.kind === "interim" ? " (foreløpig uttrekk)" : ""}`;
}

function partDescription(x: Extract): string | null {
  if (x.kind === "case")
    return "Utdrag av én avsluttet sak, ikke en avlevering. Saken avleveres med perioden den ble avsluttet i.";
  if (x.kind === "interim")
    return `Foreløpig uttrekk: perioden er ikke avsluttet. Uttrekket viser sakene avsluttet til og med ${x.to}, og er ikke en avlevering.`;
  return null;
}
