/**
 * regjeringen.no: the list of hearings (/no/dokument/hoyringar/id1763/) and each hearing's page. HTML parsed with
 * node-html-parser, in the markup the site uses (see fixtures/README.md): list items `li.listItem` with the title
 * link, «Høyringsfrist:» and «Status:»; on a hearing's page the title (`h1`), the department
 * (`.content-owner-dep`), the deadline and status (a `dl` of facts, or «Høringsfrist: …» in the text), the documents
 * (PDF links in the fact boxes `#horingsbrev` and `#horingsnotater`) and the invited bodies (`#horingsinstanser`).
 */
import { parse, type HTMLElement } from "node-html-parser";
import type { RadarConfig } from "./config";
import { SourceError, type Validators, fetchSource, isAllowedAddress } from "./fetch";
import type { RemoteHearing } from "./model";

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

function parseHtml(body: Buffer | string, url: string): HTMLElement {
  const text = typeof body === "string" ? body : body.toString("utf8");
  if (!/<html[\s>]/i.test(text) || !/<\/html>\s*$/i.test(text.trim()))
    throw new SourceError("malformed", url, "not a whole HTML page");
  return parse(text, { comment: false });
}

export interface ListedHearing {
  ref: string;
  url: string;
  title: string;
  deadline: string | null;
  status: string | null;
  department: string | null;
}

export function readList(body: Buffer | string, url: string): ListedHearing[] {
  const root = parseHtml(body, url);
  const items = root.querySelectorAll("li.listItem");
  if (!items.length && !root.querySelector("ul.listing"))
    throw new SourceError("malformed", url, "no list of hearings (ul.listing)");
  return items.flatMap((li) => {
    const a = li.querySelector(".title a") ?? li.querySelector("a");
    const href = a?.getAttribute("href");
    const ref = href ? /\/(id\d+)\/?/.exec(href)?.[1] : undefined;
    if (!a || !href || !ref) return [];
    const details = clean(li.querySelector(".event-details")?.text ?? li.text);
    return [
      {
        ref,
        url: new URL(href, url).toString(),
        title: clean(a.text),
        deadline: norwegianDate(/H[øo]y?ringsfrist:?\s*([\d.]+)/i.exec(details)?.[1] ?? ""),
        status:
          clean(
            /Status:\s*([^\n]+?)(?:$|\s{2,})/i.exec(
              clean(li.querySelector(".event-details-open")?.text),
            )?.[1],
          ) || null,
        department: clean(li.querySelector(".department")?.text) || null,
      },
    ];
  });
}

const factboxItems = (root: HTMLElement, id: string) => root.querySelector(`#${id}`);

export function readHearingPage(
  body: Buffer | string,
  url: string,
  config: RadarConfig,
): Omit<RemoteHearing, "sourceRef" | "source"> {
  const root = parseHtml(body, url);
  const title = clean((root.querySelector("h1.article-title") ?? root.querySelector("h1"))?.text);
  if (!title) throw new SourceError("malformed", url, "no title (h1)");
  const department =
    clean(root.querySelector(".content-owner-dep a")?.text) ||
    clean(root.querySelector(".article-source")?.text) ||
    "Regjeringen";
  const facts = new Map<string, string>();
  for (const dl of root.querySelectorAll("dl")) {
    const dts = dl.querySelectorAll("dt");
    const dds = dl.querySelectorAll("dd");
    dts.forEach((dt, i) => facts.set(clean(dt.text).toLowerCase().replace(/:$/, ""), clean(dds[i]?.text)));
  }
  const text = clean(root.querySelector("main")?.text ?? root.text);
  const deadline =
    norwegianDate(facts.get("høringsfrist") ?? "") ??
    norwegianDate(/Høringsfrist:?\s*([\d.]+)/i.exec(text)?.[1] ?? "");
  const status =
    facts.get("status") ||
    /Status:\s*(På høring|Høringen er avsluttet|[A-ZÆØÅ][\wæøå ]{2,30})/.exec(text)?.[1] ||
    null;
  const documents: { label: string; url: string }[] = [];
  for (const [id, kind] of [
    ["horingsbrev", "Høringsbrev"],
    ["horingsnotater", "Høringsnotat"],
  ] as const) {
    for (const a of factboxItems(root, id)?.querySelectorAll("a[href]") ?? []) {
      const href = new URL(a.getAttribute("href")!, url).toString();
      if (!/\.(pdf|docx)(\?|$)/i.test(href) || !isAllowedAddress(href, config)) continue;
      documents.push({ label: clean(a.getAttribute("title")) || clean(a.text) || kind, url: href });
    }
  }
  const box = factboxItems(root, "horingsinstanser");
  const invited = box
    ? [...box.querySelectorAll("p"), ...box.querySelectorAll("li")]
        .map((p) => clean(p.text))
        .filter((n) => n.length > 2)
    : [];
  const summary = clean(root.querySelector(".article-ingress")?.text) || null;
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
  return { source: "regjeringen", sourceRef: ref, ...readHearingPage(page.body, page.url, config) };
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
    listed = readList(fetched.body, listUrl);
    out[listUrl] = fetched.validators;
    seen = listed.length;
  }
  const hearings: RemoteHearing[] = [];
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
    out[l.url] = page.validators;
    hearings.push({
      source: "regjeringen",
      sourceRef: l.ref,
      ...readHearingPage(page.body, page.url, config),
    });
  }
  return { hearings, validators: out, seen };
}
