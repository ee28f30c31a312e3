/**
 * `arkivstruktur.xml` (Noark 5 v5.0): arkiv → arkivskaper, arkivdel → mappe (xsi:type saksmappe) → registrering
 * (xsi:type journalpost) → dokumentbeskrivelse → dokumentobjekt. Element order and cardinality follow Arkivverket's
 * `arkivstruktur.xsd`; code values are the metadata catalogue's values for an extract (arkivdelstatus «Avsluttet
 * periode», saksstatus «Avsluttet», journalstatus «Arkivert», dokumentstatus «Dokumentet er ferdigstilt»).
 */
import type { CaseDocument, NoarkCase, Note, Registry } from "./model";
import { instant } from "./model";
import { XSI, document, el, toBytes, type Node } from "./xml";

export const NS_ARKIVSTRUKTUR = "http://www.arkivverket.no/standarder/noark5/arkivstruktur";

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
  el(db, "dokumenttype", "Brev");
  el(db, "dokumentstatus", "Dokumentet er ferdigstilt");
  el(db, "tittel", d.title);
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
    el(o, "format", d.file.format.pronom);
    el(o, "formatDetaljer", d.file.format.name);
    el(o, "opprettetDato", instant(d.file.createdAt));
    el(o, "opprettetAv", d.file.createdBy);
    el(o, "referanseDokumentfil", d.file.path);
    el(o, "sjekksum", d.file.sha256);
    el(o, "sjekksumAlgoritme", "SHA256");
    el(o, "filstoerrelse", d.file.bytes.byteLength);
  }
}

function journalpost(parent: Node, c: NoarkCase, r: Registry) {
  const j = parent.ele("registrering").att(XSI, "xsi:type", "journalpost");
  el(j, "systemID", r.systemID);
  el(j, "opprettetDato", instant(r.createdAt));
  el(j, "opprettetAv", r.createdBy);
  el(j, "arkivertDato", instant(r.archivedAt));
  el(j, "arkivertAv", r.archivedBy);
  for (const d of r.documents) dokumentbeskrivelse(j, d);
  el(j, "registreringsID", `${mappeID(c)}-${r.number}`);
  el(j, "tittel", r.title);
  for (const a of r.authors) el(j, "forfatter", a);
  notes(j, r.notes);
  const k = j.ele("korrespondansepart");
  el(k, "korrespondanseparttype", r.party.type);
  el(k, "korrespondansepartNavn", r.party.name);
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
  el(j, "antallVedlegg", r.documents.filter((d) => d.role === "Vedlegg").length || null);
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
  el(m, "offentligTittel", c.title);
  el(m, "beskrivelse", c.description);
  el(m, "opprettetDato", instant(c.createdAt));
  el(m, "opprettetAv", c.createdBy);
  el(m, "avsluttetDato", instant(c.closedAt));
  el(m, "avsluttetAv", c.closedBy);
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
  el(d, "tittel", `Høringer og innspill ${x.from} – ${x.to}`);
  el(d, "arkivdelstatus", "Avsluttet periode");
  el(d, "opprettetDato", instant(x.createdAt));
  el(d, "opprettetAv", x.createdBy);
  el(d, "avsluttetDato", instant(x.createdAt));
  el(d, "avsluttetAv", x.createdBy);
  el(d, "arkivperiodeStartDato", x.from);
  el(d, "arkivperiodeSluttDato", x.to);
  for (const c of x.cases) saksmappe(d, c);
  return toBytes(a);
}
