/**
 * The radar's sources are read in the import's bounded child process (`imports/extract.ts`, `runBounded`): what
 * Stortinget or regjeringen.no answer is untrusted bytes, so parsing it (XML with entities, HTML of any depth) costs
 * a child's memory and time, never the worker's or the web server's. A page past the limits is refused with a
 * plain reason (`SourceError` «unreadable»); one that is not what the source writes, as before («malformed»).
 */
import {
  childFailureText,
  ChildRefusal,
  EXTRACT_LIMITS,
  runBounded,
  type ChildJob,
  type ChildLimits,
} from "../imports/extract";
import { SourceError } from "./fetch";

/** What reading one answer may cost: a page is at most `RADAR_MAX_BYTES` (5 MB by default) and reads in well under a second. */
const RADAR_PARSE_LIMITS: ChildLimits = {
  ...EXTRACT_LIMITS,
  timeoutMs: 15_000,
  outputBytes: 64 * 1024 * 1024,
};

/** Reads one answer of a source in a bounded child; throws a `SourceError` for `url` when it cannot be read. */
export async function readBounded<T>(
  job: ChildJob,
  body: Buffer | string,
  url: string,
  limits: ChildLimits = RADAR_PARSE_LIMITS,
): Promise<T> {
  try {
    return (await runBounded<T>(job, typeof body === "string" ? Buffer.from(body, "utf8") : body, limits))
      .answer;
  } catch (err) {
    if (!(err instanceof ChildRefusal)) throw err;
    if (err.reason === "malformed") throw new SourceError("malformed", url, err.detail);
    throw new SourceError("unreadable", url, childFailureText(err, "Siden"));
  }
}
