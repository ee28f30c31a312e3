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
    "nito mener derfor dessuten blant annet etc"
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
    .map((w) => stemmer.stem(w));
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

export function idfOf(corpus: string[]): Idf {
  const df = new Map<string, number>();
  for (const text of corpus) for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = corpus.length;
  return (t) => Math.log(1 + n / (1 + (df.get(t) ?? 0)));
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
