/**
 * The journal reports and the change log of an extract (Noark 5 v5.0, 6.4.6–6.4.7): `loependeJournal.xml`,
 * `offentligJournal.xml` and `endringslogg.xml`, each valid against Arkivverket's schema of the same name.
 */
import type { Extract } from "./arkivstruktur";
import { attachments, mappeID } from "./arkivstruktur";
import { instant } from "./model";
import { document, el, toBytes } from "./xml";

const NS = "http://www.arkivverket.no/standarder/noark5";

function journal(x: Extract, kind: "loependeJournal" | "offentligJournal"): Buffer {
  const pub = kind === "offentligJournal";
  const root = document(`${NS}/${kind}`, kind);
  const head = root.ele("journalhode");
  // The first and last registration in the package (Arkade's N5.60), not the period asked for.
  const { first, last } = journalDates(x);
  el(head, "journalStartDato", first);
  el(head, "journalSluttDato", last);
  el(
    head,
    "antallJournalposter",
    x.cases.reduce((n, c) => n + c.registrations.length, 0),
  );
  const creator = head.ele("arkivskaper");
  el(creator, "arkivskaperID", x.creator.id);
  el(creator, "arkivskaperNavn", x.creator.name);
  for (const c of x.cases) {
    for (const r of c.registrations) {
      const reg = root.ele("journalregistrering");
      const m = reg.ele("saksmappe");
      el(m, "mappeID", mappeID(c));
      el(m, "saksaar", c.caseYear);
      el(m, "sakssekvensnummer", c.caseSeq);
      if (pub) el(m, "offentligTittel", c.screening?.publicTitle ?? c.title);
      else el(m, "tittel", c.title);
      el(m, "administrativEnhet", c.unit);
      el(m, "saksansvarlig", c.responsible);
      const j = reg.ele("journalpost");
      el(j, "systemID", r.systemID);
      el(j, "registreringsID", `${mappeID(c)}-${r.number}`);
      el(j, "journalaar", r.journalYear);
      el(j, "journalsekvensnummer", r.journalSeq);
      el(j, "journalpostnummer", r.number);
      if (pub) {
        el(j, "offentligTittel", r.publicTitle ?? r.title);
        if (c.screening) el(j, "skjermingMetadata", "Skjerming tittel registrering - utvalgte ord");
      } else el(j, "tittel", r.title);
      el(j, "journaldato", r.journalDate);
      el(j, "dokumentetsDato", r.documentDate);
      if (!pub) el(j, "antallVedlegg", attachments(r) || null);
      el(j, "avskrivningsdato", r.writeOff?.date);
      el(j, "avskrivningsmaate", r.writeOff?.how);
      el(j, "administrativEnhet", c.unit);
      el(j, "saksbehandler", c.responsible);
      el(j, "referanseAvskrivesAvJournalpost", r.writeOff?.answeredBy);
      if (pub && c.screening) {
        el(j, "tilgangsrestriksjon", "Unntatt offentlighet");
        el(j, "skjermingshjemmel", c.screening.basis);
      }
      const k = j.ele("korrespondansepart");
      el(k, "korrespondanseparttype", r.party.type);
      el(k, "korrespondansepartNavn", r.party.name);
    }
  }
  return toBytes(root);
}

/** The first and last journal date of the registrations in the extract. */
function journalDates(x: Extract): { first: string; last: string } {
  const days = x.cases.flatMap((c) => c.registrations.map((r) => r.journalDate)).sort();
  return { first: days[0] ?? x.from, last: days.at(-1) ?? x.to };
}

export const loependeJournalXml = (x: Extract) => journal(x, "loependeJournal");
export const offentligJournalXml = (x: Extract) => journal(x, "offentligJournal");

/**
 * Changes to metadata of the cases in the extract, from their history: titles and deadlines that were edited, and
 * the case status set to «Avsluttet» when the case was closed (so every closed case has at least one entry).
 */
export function endringsloggXml(x: Extract): Buffer {
  const root = document(`${NS}/endringslogg`, "endringslogg");
  for (const c of x.cases) {
    for (const ch of c.changes) {
      const e = root.ele("endring");
      el(e, "referanseArkivenhet", ch.unit);
      el(e, "referanseMetadata", ch.field);
      el(e, "endretDato", instant(ch.at));
      el(e, "endretAv", ch.by);
      el(e, "tidligereVerdi", ch.from);
      el(e, "nyVerdi", ch.to);
    }
  }
  return toBytes(root);
}

export const countChanges = (x: Extract) => x.cases.reduce((n, c) => n + c.changes.length, 0);
