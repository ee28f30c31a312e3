/**
 * Stortinget's open data export service (data.stortinget.no/eksport): the sessions (the current one), the committee
 * hearings of a session with their deadline for written input, committee and cases, and each case's subjects. XML
 * in the namespace http://data.stortinget.no; element names as the service writes them (see fixtures/README.md for
 * where they were taken from). «0001-01-01T00:00:00» is the service's «no date».
 */
import type { RadarConfig } from "./config";
import { SourceError, type Validators, fetchSource } from "./fetch";
import type { RemoteHearing } from "./model";
import { readBounded } from "./read";

const NS = "http://data.stortinget.no";
/** New cases read per poll at most (one request each): the rest are read at the next poll. */
const MAX_CASES_PER_POLL = 40;

/** Elements always read as lists, however many the answer has. */
const ARRAYS = ["horing", "horing_sak_info", "horingstidspunkt", "sesjon", "komite", "emne"];

type Node = Record<string, unknown>;

/**
 * Parses one response, checking that it is well-formed XML of Stortinget's namespace with the expected root. The
 * XML is validated and parsed (fast-xml-parser) in a bounded child process (read.ts); the rest reads plain data.
 */
export async function parseStortingetXml(body: Buffer | string, root: string, url: string): Promise<Node> {
  const text = typeof body === "string" ? body : body.toString("utf8");
  const { doc } = await readBounded<{ doc: Node }>({ kind: "xml", arrays: ARRAYS }, body, url);
  const top = doc[root] as Node | undefined;
  if (!top || typeof top !== "object") throw new SourceError("malformed", url, `missing <${root}>`);
  // The namespace is read from the root's own start tag (the parser drops namespace declarations with prefixes).
  const start = new RegExp(`<${root}\\b[^>]*>`).exec(text)?.[0] ?? "";
  if (!start.includes(`xmlns="${NS}"`)) throw new SourceError("malformed", url, `namespace is not ${NS}`);
  return top;
}

const text = (v: unknown): string =>
  typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
const list = (v: unknown, key: string): Node[] =>
  v && typeof v === "object" ? (((v as Node)[key] as Node[] | undefined) ?? []) : [];

/** A date of the service as an Oslo calendar date, or null for its «no date». */
export function stortingetDate(v: unknown): string | null {
  const s = text(v);
  if (!s || s.startsWith("0001-01-01")) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return m ? m[1]! : null;
}

export function currentSession(top: Node): string | null {
  const s = text(
    (top.innevaerende_sesjon as Node[] | Node | undefined) && (top.innevaerende_sesjon as Node).id,
  );
  return /^\d{4}-\d{4}$/.test(s) ? s : null;
}

export interface StortingetHearing {
  id: string;
  committeeId: string;
  committeeName: string;
  deadline: string | null;
  written: boolean;
  status: string | null;
  statusText: string | null;
  cases: { id: string; reference: string; shortTitle: string; title: string; publication: string }[];
}

export function readHearings(top: Node, url: string): StortingetHearing[] {
  const rows = list(top.horinger_liste, "horing");
  return rows.map((h) => {
    const id = text(h.id);
    if (!/^\d{1,12}$/.test(id)) throw new SourceError("malformed", url, `hearing without a valid <id>`);
    const committee = ((h.komite as Node[] | undefined) ?? [])[0] ?? {};
    return {
      id,
      committeeId: text(committee.id),
      committeeName: text(committee.navn),
      // Written input by «innspillsfrist»; a hearing with oral presentations only has a request deadline instead.
      deadline: stortingetDate(h.innspillsfrist) ?? stortingetDate(h.anmodningsfrist_dato_tid),
      written: text(h.skriftlig) === "true",
      status: text(h.horing_status) || null,
      statusText: text(h.status_info_tekst) || null,
      cases: list(h.horing_sak_info_liste, "horing_sak_info").map((c) => ({
        id: text(c.sak_id),
        reference: text(c.sak_henvisning),
        shortTitle: text(c.sak_korttittel),
        title: text(c.sak_tittel),
        publication: text(c.sak_publikasjon),
      })),
    };
  });
}

export function readCaseTopics(top: Node): string[] {
  return list(top.emne_liste, "emne")
    .map((e) => text(e.navn))
    .filter(Boolean);
}

function readCommittees(top: Node): Map<string, string> {
  return new Map(list(top.komiteer_liste, "komite").map((k) => [text(k.id), text(k.navn)]));
}

/** The public page of a Stortinget hearing (linked from the inbox; never fetched). */
export const stortingetPageUrl = (config: RadarConfig, id: string) =>
  `${config.stortingetPageUrl.replace(/\/+$/, "")}/no/Hva-skjer-pa-Stortinget/Horing/horing/?h=${id}`;

/** The hearing id in a pasted Stortinget page address on the configured page host, or null. */
export function stortingetIdFromPage(address: string, config: RadarConfig): string | null {
  try {
    const u = new URL(address);
    if (u.host.toLowerCase() !== new URL(config.stortingetPageUrl).host.toLowerCase()) return null;
    const h = u.searchParams.get("h") ?? /\/horing\/(\d+)/i.exec(u.pathname)?.[1] ?? null;
    return h && /^\d{1,12}$/.test(h) ? h : null;
  } catch {
    return null;
  }
}

export interface StortingetPoll {
  /** Null when the list is unchanged since the last poll (304). */
  hearings: RemoteHearing[] | null;
  validators: Record<string, Validators>;
  seen: number;
  /** What could not be read (past the reading limits) and was left out, with the reason. */
  skipped?: string[];
}

/**
 * Reads the current session's hearings. Cases are read (for their subjects) only for hearings `needsDetail` asks
 * for — the new ones — and at most MAX_CASES_PER_POLL. Hearings whose deadline has passed are left out.
 */
export async function pollStortinget(
  config: RadarConfig,
  validators: Record<string, Validators>,
  options: { today: string; needsDetail: (sourceRef: string) => boolean; onlyId?: string },
): Promise<StortingetPoll> {
  const base = config.stortingetUrl.replace(/\/+$/, "");
  const out: Record<string, Validators> = { ...validators };
  const sessionsUrl = `${base}/eksport/sesjoner`;
  const sessions = await fetchSource(sessionsUrl, config);
  if (sessions.notModified) throw new SourceError("malformed", sessionsUrl, "304 without validators");
  const session = currentSession(await parseStortingetXml(sessions.body, "sesjoner_oversikt", sessionsUrl));
  if (!session) throw new SourceError("malformed", sessionsUrl, "no current session");

  const listUrl = `${base}/eksport/horinger?sesjonid=${session}`;
  const fetched = await fetchSource(listUrl, config, options.onlyId ? {} : (validators[listUrl] ?? {}));
  if (fetched.notModified) return { hearings: null, validators: out, seen: -1 };
  const rows = readHearings(await parseStortingetXml(fetched.body, "horinger_oversikt", listUrl), listUrl);
  out[listUrl] = fetched.validators;

  let committees: Map<string, string> | null = null;
  let casesRead = 0;
  const hearings: RemoteHearing[] = [];
  const skipped: string[] = [];
  for (const h of rows) {
    if (options.onlyId && h.id !== options.onlyId) continue;
    if (!options.onlyId && (!h.deadline || h.deadline < options.today)) continue;
    const sourceRef = `horing:${h.id}`;
    let committeeName = h.committeeName;
    if (!committeeName) {
      if (!committees) {
        const url = `${base}/eksport/komiteer?sesjonid=${session}`;
        const k = await fetchSource(url, config);
        committees = k.notModified
          ? new Map()
          : readCommittees(await parseStortingetXml(k.body, "komiteer_oversikt", url));
      }
      committeeName = committees.get(h.committeeId) ?? h.committeeId;
    }
    const topics = new Set<string>();
    if (options.needsDetail(sourceRef)) {
      for (const c of h.cases.slice(0, 5)) {
        if (!/^\d{1,12}$/.test(c.id) || casesRead >= MAX_CASES_PER_POLL) continue;
        casesRead++;
        const url = `${base}/eksport/sak?sakid=${c.id}`;
        const s = await fetchSource(url, config);
        if (s.notModified) continue;
        try {
          for (const t of readCaseTopics(await parseStortingetXml(s.body, "detaljert_sak", url)))
            topics.add(t);
        } catch (err) {
          // A case past the reading limits: the hearing is read without its subjects, and the reason kept.
          if (!(err instanceof SourceError && err.code === "unreadable")) throw err;
          skipped.push(err.message);
        }
      }
    }
    const title =
      h.cases
        .map((c) => c.shortTitle || c.title)
        .filter(Boolean)
        .join(" / ") || `Høring ${h.id}`;
    hearings.push({
      source: "stortinget",
      sourceRef,
      url: stortingetPageUrl(config, h.id),
      title: title.slice(0, 300),
      issuer: committeeName || "Stortinget",
      issuerType: "STORTINGSKOMITE",
      deadline: h.deadline,
      status: h.status,
      summary:
        [h.statusText, ...h.cases.map((c) => [c.reference, c.title].filter(Boolean).join(": "))]
          .filter(Boolean)
          .join("\n")
          .slice(0, 5000) || null,
      documents: h.cases
        .filter((c) => c.publication)
        .map((c) => ({ label: c.reference || c.shortTitle || "Sak", url: c.publication })),
      invited: [],
      topics: [...topics],
      cases: h.cases.map((c) => ({ id: c.id, reference: c.reference, title: c.title || c.shortTitle })),
    });
  }
  return { hearings, validators: out, seen: rows.length, skipped };
}
