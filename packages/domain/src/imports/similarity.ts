// The package ships no types; its declaration has to reach every package that compiles this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./snowball.d.ts" />
/**
 * Deterministic text similarity for reuse detection: Norwegian Snowball stems (the same algorithm as the database's
 * `norwegian_stem`), stop words dropped, then containment of the shorter text's word set and word-pair shingles in
 * the longer one. Containment, not Jaccard: a position folded into a longer sentence ("NITO mener det bør …") or
 * with words added is still wholly contained; reordered sentences keep their words and most of their word pairs.
 * Words are weighted by how rare they are in the library (IDF), so that sharing "ingeniører og teknologer" — which
 * half of an engineers' union's positions say — counts for less than sharing "nasjonal plan for rekruttering".
 */
import { diffArrays } from "diff";
import { newStemmer } from "snowball-stemmers";

const stemmer = newStemmer("norwegian");

const STOP = new Set(
  (
    "og i å det som en er til på for av med at ikke de den har vi kan bør seg om fra så men skal vil må også eller et " +
    "ved være blir var ha sin sine sitt denne dette disse der da når hvor hvis mer mest mange flere enn nå slik samt " +
    "du jeg han hun dem deres oss vår våre vårt alle alt andre annen annet hver hvert noe noen man mye kun bare " +
    "nito mener derfor dessuten blant annet etc over under"
  ).split(" "),
);

export type ReuseLabel = "same" | "reworded" | "new";

/** Stems in reading order, without stop words, footnote markers, placeholders or "NITO mener". */
export function terms(text: string): string[] {
  return text
    .replace(/\{\{[^}]*\}\}|\[[^\]]*\]/g, " ")
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);
}

/** Stems of words seen before: a library repeats its words, and stemming is most of the cost of reading it. */
const stems = new Map<string, string>();
function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= 100_000) stems.clear();
    stems.set(word, (s = stemmer.stem(word)));
  }
  return s;
}

/** Word pairs in order, also across one word between them (a word inserted does not break the pair). */
const pairs = (t: string[]) =>
  new Set(t.flatMap((w, i) => [t[i + 1], t[i + 2]].filter(Boolean).map((next) => `${w} ${next}`)));
const contained = (a: Set<string>, b: Set<string>) => {
  if (!a.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / a.size;
};

export interface Similarity {
  score: number;
  /** Shorter over longer, in distinct terms: near 1 for a same-length text, low for an excerpt. */
  lengthRatio: number;
  /** The share of terms in the same order in both (1 when only punctuation, case or stop words differ). */
  sequence: number;
}

/** Inverse document frequencies of stems over a corpus (the library texts). */
export type Idf = (stem: string) => number;

/** IDF weights that also tell how many texts of the library hold a stem, and how many texts there are. */
export type LibraryIdf = Idf & { df: (stem: string) => number; size: number };

export function idfOf(corpus: string[]): LibraryIdf {
  const df = new Map<string, number>();
  for (const text of corpus) for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = corpus.length;
  return Object.assign((t: string) => Math.log(1 + n / (1 + (df.get(t) ?? 0))), {
    df: (t: string) => df.get(t) ?? 0,
    size: n,
  });
}

const weighted = (a: Set<string>, b: Set<string>, idf: Idf) => {
  let all = 0;
  let hit = 0;
  for (const x of a) {
    const w = idf(x);
    all += w;
    if (b.has(x)) hit += w;
  }
  return all ? hit / all : 0;
};

/** Containment of the shorter text in the longer: IDF-weighted words (0.7) and word pairs (0.3). */
export function similarity(a: string, b: string, idf: Idf = () => 1): Similarity {
  const ta = terms(a);
  const tb = terms(b);
  const [short, long] = new Set(ta).size <= new Set(tb).size ? [ta, tb] : [tb, ta];
  const ws = new Set(short);
  const wl = new Set(long);
  if (ws.size < 3) return { score: 0, lengthRatio: 0, sequence: 0 };
  const score = 0.7 * weighted(ws, wl, idf) + 0.3 * contained(pairs(short), pairs(long));
  const kept = diffArrays(ta, tb)
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.count!, 0);
  return {
    score: Math.round(score * 1000) / 1000,
    lengthRatio: ws.size / wl.size,
    sequence: (2 * kept) / (ta.length + tb.length),
  };
}

/** Same wording (near-identical), reworded (most of it is there), or new. */
export function labelOf(s: Similarity): ReuseLabel {
  if (s.sequence >= 0.95) return "same";
  if (s.score >= 0.5) return "reworded";
  return "new";
}

/**
 * Whether a window of a letter (one to three adjacent sentences) restates a library text (a position, or a sentence
 * of a block). The library text's words must be in the window — at most one in six missing, or one in three when
 * what is there stands together and in the same order (a restatement that leaves out a qualifier) — with
 * IDF-weighted coverage ≥ 0.85 (for the shortened kind: at least six words, nothing between them), close together (the shortest run of the window holding
 * them is at least 40 % those words), and saying the same thing: a negation on one side only is another statement.
 * Norwegian compounds and derivations count as the same word when one ends the other («innkjøp» / «kjøp»,
 * «teknologikompetanse» / «kompetanse») or differs only in its ending («utforming» / «utformer»). Folded into a longer
 * sentence, reordered or inflected, a statement is still found; a sentence that only shares the organisation's
 * everyday words is not.
 */
export interface Restatement {
  score: number;
  coverage: number;
  density: number;
  sequence: number;
}

/** A text prepared once for many comparisons: its terms, whether it negates, and keys for a quick first test. */
export interface Prepared {
  terms: string[];
  negated: boolean;
  /** Each term, its first five letters and its last four: a word can only match another sharing one of these. */
  keys: Set<string>;
}

const keysOf = (terms: string[]) =>
  new Set(terms.flatMap((t) => [t, `<${t.slice(0, 5)}`, `>${t.slice(-4)}`]));

const NEGATION = /\b(ikke|ingen|intet|aldri|verken|hverken)\b/i;
const NOT_NEGATION = /\b(ingen tvil|ikke bare|ikke minst|ikke uten)\b/gi;

/**
 * Terms and polarity of a text. In a library text an explanation in parentheses is left out («Noklus (Norsk
 * kvalitetsforbedring av laboratorieundersøkelser)»): a letter may well say it without.
 */
export function prepare(text: string, library = false): Prepared {
  const core = library ? text.replace(/\s*\([^()]{3,200}\)/g, " ") : text;
  const t = terms(core.length > text.length / 2 ? core : text);
  // Keys only when asked for (a letter's windows): a library text is only looked up in them, and every candidate
  // row of an import (up to 20 000) is prepared.
  let keys: Set<string> | undefined;
  return {
    terms: t,
    get keys() {
      return (keys ??= keysOf(t));
    },
    negated: NEGATION.test(text.replace(NOT_NEGATION, " ")),
  };
}

/** The same word, or one a compound or derivation of the other. */
function sameWord(library: string, window: string): boolean {
  if (library === window) return true;
  const [short, long] = library.length <= window.length ? [library, window] : [window, library];
  if (short.length < 4) return false;
  // The window may be more specific than the library («teknologikompetanse» for «kompetanse»), not less
  // («student» for «ingeniørstudent»), beyond a short prefix («kjøp» for «innkjøp»).
  const head = long.endsWith(short) && (long === window || long.length - short.length <= 3);
  return head || (short.length >= 5 && long.startsWith(short) && long.length - short.length <= 3);
}

const sharedEnd = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
};

/** The shortest run of `words` that holds every one of `wanted`, in words. */
function shortestSpan(words: string[], wanted: Set<string>): { length: number; start: number } {
  const count = new Map<string, number>();
  let have = 0;
  let best = { length: Infinity, start: 0 };
  let left = 0;
  for (let right = 0; right < words.length; right++) {
    const w = words[right]!;
    if (!wanted.has(w)) continue;
    count.set(w, (count.get(w) ?? 0) + 1);
    if (count.get(w) === 1) have++;
    while (have === wanted.size) {
      if (right - left + 1 < best.length) best = { length: right - left + 1, start: left };
      const l = words[left++]!;
      if (wanted.has(l)) {
        count.set(l, count.get(l)! - 1);
        if (count.get(l) === 0) have--;
      }
    }
  }
  return best;
}

export function restates(library: Prepared, window: Prepared, idf: Idf = () => 1): Restatement | null {
  const tp = library.terms;
  const ps = new Set(tp);
  if (ps.size < 3) return null;
  // Quick first test: too few of the library's words can be in the window at all.
  let possible = 0;
  for (const p of ps)
    if (window.keys.has(p) || window.keys.has(`<${p.slice(0, 5)}`) || window.keys.has(`>${p.slice(-4)}`))
      possible++;
  if (ps.size - possible > Math.floor(ps.size / 3)) return null;
  // The window's words, each as the library word it stands for. A compound said by its first part
  // («pasientsikkerhet» for «pasientsikkerhetskultur») counts half.
  const full = new Set<string>();
  const tw = window.terms.map((w) => {
    const same = ps.has(w) ? w : [...ps].find((p) => sameWord(p, w));
    if (same) return (full.add(same), same);
    return [...ps].find((p) => w.length >= 8 && p.length - w.length >= 4 && p.startsWith(w)) ?? w;
  });
  const ws = new Set(tw);
  const matched = new Set([...ps].filter((x) => ws.has(x)));
  if (matched.size < 3) return null;
  const missing = ps.size - matched.size;
  // A missing word the window replaces with another of the same kind («sykepleierstudenter» for
  // «ingeniørstudenter») makes it a statement about something else.
  for (const m of ps)
    if (!matched.has(m) && m.length >= 8 && tw.some((w) => w !== m && !ps.has(w) && sharedEnd(m, w) >= 5))
      return null;
  let all = 0;
  let hit = 0;
  for (const x of ps) {
    all += idf(x);
    if (matched.has(x)) hit += full.has(x) ? idf(x) : idf(x) / 2;
  }
  const coverage = hit / all;
  const span = shortestSpan(tw, matched);
  const density = matched.size / span.length;
  if (density < 0.4 || library.negated !== window.negated) return null;
  if (missing > Math.floor(ps.size / 6) || coverage < 0.85) {
    // Shortened: the words that are there stand together, in the library's order, with nothing else between them.
    const inOrder = tp.filter((x) => matched.has(x));
    const run = tw.slice(span.start, span.start + span.length);
    const shortened =
      missing <= Math.floor(ps.size / 3) &&
      density === 1 &&
      matched.size >= 6 &&
      run.join(" ") === [...new Set(inOrder)].join(" ");
    if (!shortened) return null;
  }
  const score = 0.7 * coverage + 0.3 * contained(pairs(tp), pairs(tw));
  const kept = diffArrays(tp, tw)
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.count!, 0);
  return {
    score: Math.round(score * 1000) / 1000,
    coverage,
    density,
    sequence: (2 * kept) / (tp.length + tw.length),
  };
}

export const restatement = (library: string, window: string, idf?: Idf) =>
  restates(prepare(library, true), prepare(window), idf);
