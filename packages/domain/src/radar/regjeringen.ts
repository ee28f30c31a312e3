/**
 * regjeringen.no: the list of hearings (/no/dokument/hoyringar/id1763/) and each hearing's page. HTML parsed with
 * node-html-parser, in the markup the site uses (see fixtures/README.md): list items `li.listItem` with the title
 * link, «Høyringsfrist:» and «Status:»; on a hearing's page the title (`h1`), the department
 * (`.content-owner-dep`), the deadline and status (a `dl` of facts, or «Høringsfrist: …» in the text), the documents
 * (PDF links in the fact boxes `#horingsbrev` and `#horingsnotater`) and the invited bodies (`#horingsinstanser`).
 */
import type { RadarConfig } from "./config";
import { SourceError, type Validators, fetchSource, isAllowedAddress } from "./fetch";
import type { RemoteHearing } from "./model";
import { readBounded } from "./read";

const LIST_PATH = "/no/dokument/hoyringar/id1763/";
/** Hearing pages read per poll at most: the rest are read at the next poll. */
const MAX_PAGES_PER_POLL = 30;

const clean = (s: string | undefined | null) => (s ?? "").replace(/\s+/g, " ").trim();

/** «02.03.2027» → "2027-03-02"; null when there is no such date. */
export function norwegianDate(s: string): string | null {
  const m = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(s);
  if (!m) return null;
  const d = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return Number.isNaN(Date.parse(d)) ? null : d;
}

/** The strings of the list, as the bounded child read them (`parse-child.ts`, `htmlList`). */
interface RawList {
  listing: boolean;
  items: { href: string | null; title: string; details: string; open: string; department: string }[];
}

/** The strings of a hearing's page, as the bounded child read them (`parse-child.ts`, `htmlHearing`). */
interface RawHearing {
  title: string;
  departments: string[];
  facts: [string, string][];
  text: string;
  horingsbrev: RawLink[];
  horingsnotater: RawLink[];
  invited: string[] | null;
  summary: string;
}
type RawLink = { href: string; title: string; text: string };

/** A page parsed with node-html-parser in a bounded child process (read.ts): the selectors' strings come back. */
const readHtml = <T>(body: Buffer | string, url: string, page: "list" | "hearing") =>
  readBounded<{ page: T }>({ kind: "html", page }, body, url).then((a) => a.page);

export interface ListedHearing {
  ref: string;
  url: string;
  title: string;
  deadline: string | null;
  status: string | null;
  department: string | null;
}

export async function readList(body: Buffer | string, url: string): Promise<ListedHearing[]> {
  const raw = await readHtml<RawList>(body, url, "list");
  if (!raw.listing) throw new SourceError("malformed", url, "no list of hearings (ul.listing)");
  return raw.items.flatMap((li) => {
    const href = li.href;
    const ref = href ? /\/(id\d+)\/?/.exec(href)?.[1] : undefined;
    if (!href || !ref) return [];
    const details = clean(li.details);
    return [
      {
        ref,
        url: new URL(href, url).toString(),
        title: clean(li.title),
        deadline: norwegianDate(/H[øo]y?ringsfrist:?\s*([\d.]+)/i.exec(details)?.[1] ?? ""),
        status: clean(/Status:\s*([^\n]+?)(?:$|\s{2,})/i.exec(clean(li.open))?.[1]) || null,
        department: clean(li.department) || null,
      },
    ];
  });
}

export async function readHearingPage(
  body: Buffer | string,
  url: string,
  config: RadarConfig,
): Promise<Omit<RemoteHearing, "sourceRef" | "source">> {
  const raw = await readHtml<RawHearing>(body, url, "hearing");
  const title = clean(raw.title);
  if (!title) throw new SourceError("malformed", url, "no title (h1)");
  const department = raw.departments.map(clean).find(Boolean) || "Regjeringen";
  const facts = new Map<string, string>();
  for (const [dt, dd] of raw.facts) facts.set(clean(dt).toLowerCase().replace(/:$/, ""), clean(dd));
  const text = clean(raw.text);
  const deadline =
    norwegianDate(facts.get("høringsfrist") ?? "") ??
    norwegianDate(/Høringsfrist:?\s*([\d.]+)/i.exec(text)?.[1] ?? "");
  const status =
    facts.get("status") ||
    /Status:\s*(På høring|Høringen er avsluttet|[A-ZÆØÅ][\wæøå ]{2,30})/.exec(text)?.[1] ||
    null;
  const documents: { label: string; url: string }[] = [];
  for (const [links, kind] of [
    [raw.horingsbrev, "Høringsbrev"],
    [raw.horingsnotater, "Høringsnotat"],
  ] as const) {
    for (const a of links) {
      const href = new URL(a.href, url).toString();
      if (!/\.(pdf|docx)(\?|$)/i.test(href) || !isAllowedAddress(href, config)) continue;
      documents.push({ label: clean(a.title) || clean(a.text) || kind, url: href });
    }
  }
  const invited = raw.invited ? raw.invited.map(clean).filter((n) => n.length > 2) : [];
  const summary = clean(raw.summary) || null;
  return {
    url,
    title: title.slice(0, 300),
    issuer: department,
    issuerType: /direktorat|tilsyn/i.test(department) ? "DIREKTORAT" : "DEPARTEMENT",
    deadline,
    status,
    summary: summary?.slice(0, 5000) ?? null,
    documents,
    invited: invited.slice(0, 2000),
    topics: [],
    cases: [],
  };
}

/** The page id of a pasted regjeringen.no address on the configured host, or null. */
export function regjeringenRefFromAddress(address: string, config: RadarConfig): string | null {
  try {
    const u = new URL(address);
    if (u.host.toLowerCase() !== new URL(config.regjeringenUrl).host.toLowerCase()) return null;
    return /\/(id\d{1,12})\/?$/.exec(u.pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

export async function readRegjeringenHearing(
  url: string,
  ref: string,
  config: RadarConfig,
): Promise<RemoteHearing> {
  const page = await fetchSource(url, config);
  if (page.notModified) throw new SourceError("malformed", url, "304 without validators");
  return { source: "regjeringen", sourceRef: ref, ...(await readHearingPage(page.body, page.url, config)) };
}

/** The open hearings of the list's first page; pages read only for hearings `needsDetail` asks for. */
export async function pollRegjeringen(
  config: RadarConfig,
  validators: Record<string, Validators>,
  options: {
    today: string;
    needsDetail: (sourceRef: string) => boolean;
    /** Hearings the organisation has from this source that are still open: their pages may change on their own. */
    revisit?: { ref: string; url: string }[];
  },
) {
  const listUrl = `${config.regjeringenUrl.replace(/\/+$/, "")}${LIST_PATH}`;
  const out: Record<string, Validators> = { ...validators };
  const fetched = await fetchSource(listUrl, config, validators[listUrl] ?? {});
  let listed: ListedHearing[];
  let seen = -1;
  if (fetched.notModified) {
    // The list is as it was; a page may still have a new document. Asked conditionally, so mostly 304s.
    if (!options.revisit?.length) return { hearings: null, validators: out, seen: -1 };
    listed = options.revisit.map((r) => ({
      ...r,
      title: "",
      deadline: null,
      status: null,
      department: null,
    }));
  } else {
    listed = await readList(fetched.body, listUrl);
    out[listUrl] = fetched.validators;
    seen = listed.length;
  }
  const hearings: RemoteHearing[] = [];
  const skipped: string[] = [];
  let pages = 0;
  for (const l of listed) {
    if (l.deadline && l.deadline < options.today) continue;
    if (!isAllowedAddress(l.url, config)) continue;
    // Known hearings are read again only when their page may have changed (the page's validators say).
    if (!options.needsDetail(l.ref) && pages >= MAX_PAGES_PER_POLL) continue;
    if (pages >= MAX_PAGES_PER_POLL) continue;
    pages++;
    const page = await fetchSource(l.url, config, validators[l.url] ?? {});
    if (page.notModified) continue;
    let read: Omit<RemoteHearing, "sourceRef" | "source">;
    try {
      read = await readHearingPage(page.body, page.url, config);
    } catch (err) {
      // A page past the reading limits is skipped, with its reason; the others are read. (Its validators are not
      // kept, so it is asked for whole again at the next poll.)
      if (err instanceof SourceError && err.code === "unreadable") {
        skipped.push(err.message);
        continue;
      }
      throw err;
    }
    out[l.url] = page.validators;
    hearings.push({ source: "regjeringen", sourceRef: l.ref, ...read });
  }
  return { hearings, validators: out, seen, skipped };
}
