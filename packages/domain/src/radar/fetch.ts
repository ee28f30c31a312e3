/**
 * The radar's only way out to the network. An address is fetched only when its host is one of the configured base
 * addresses' hosts, so no address a user typed reaches another server. Every request has a timeout, every response a
 * size limit (read as it streams, never buffered whole first); redirects are followed by hand and only to a
 * configured host; failures that may pass (network, timeout, 5xx, 429) are retried with a doubling wait. Requests
 * are conditional when the caller knows the validators (ETag / Last-Modified): a 304 is an answer, not an error.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { RadarConfig } from "./config";

export type SourceErrorCode =
  | "hostNotAllowed"
  | "redirectOtherHost"
  | "tooManyRedirects"
  | "timeout"
  | "network"
  | "httpStatus"
  | "tooLarge"
  | "malformed"
  /** Past the limits of the child process that reads it (too large unpacked, too slow): see read.ts. */
  | "unreadable";

/** Why a source could not be read, said plainly for Systemstatus. */
export class SourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    readonly url: string,
    detail?: string,
  ) {
    super(`${code}${detail ? `: ${detail}` : ""} (${url})`);
    this.name = "SourceError";
  }
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Fetched =
  | { notModified: true; validators: Validators }
  | { notModified: false; body: Buffer; contentType: string; validators: Validators; url: string };

function allowedHosts(config: RadarConfig): Set<string> {
  return new Set([config.stortingetUrl, config.regjeringenUrl].map((u) => new URL(u).host.toLowerCase()));
}

/** Whether an address is on a configured source host (http or https only). */
export function isAllowedAddress(address: string, config: RadarConfig): boolean {
  try {
    const u = new URL(address);
    return (
      (u.protocol === "https:" || u.protocol === "http:") && allowedHosts(config).has(u.host.toLowerCase())
    );
  } catch {
    return false;
  }
}

const MAX_REDIRECTS = 3;

async function readLimited(res: Response, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new SourceError("tooLarge", url, `${declared} > ${maxBytes} bytes`);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SourceError("tooLarge", url, `> ${maxBytes} bytes`);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

async function fetchOnce(url: string, validators: Validators, config: RadarConfig): Promise<Fetched> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!isAllowedAddress(current, config))
      throw new SourceError(hop ? "redirectOtherHost" : "hostNotAllowed", current);
    const headers: Record<string, string> = {
      "user-agent": "Innspill-horingsradar/1.0",
      accept: "text/xml, application/xml, text/html;q=0.9, */*;q=0.5",
    };
    if (hop === 0 && validators.etag) headers["if-none-match"] = validators.etag;
    if (hop === 0 && validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    let res: Response;
    try {
      res = await fetch(current, {
        headers,
        redirect: "manual",
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (err) {
      const e = err as Error;
      if (e.name === "TimeoutError" || e.name === "AbortError")
        throw new SourceError("timeout", current, `${config.timeoutMs} ms`);
      throw new SourceError("network", current, (e.cause as Error | undefined)?.message ?? e.message);
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get("location");
      if (!location) throw new SourceError("httpStatus", current, String(res.status));
      const next = new URL(location, current).toString();
      if (!isAllowedAddress(next, config)) throw new SourceError("redirectOtherHost", current, next);
      current = next;
      continue;
    }
    const got: Validators = {
      etag: res.headers.get("etag") ?? undefined,
      lastModified: res.headers.get("last-modified") ?? undefined,
    };
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { notModified: true, validators: { ...validators, ...stripUndefined(got) } };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new SourceError("httpStatus", current, String(res.status));
    }
    const body = await readLimited(res, current, config.maxBytes);
    return {
      notModified: false,
      body,
      contentType: res.headers.get("content-type") ?? "",
      validators: stripUndefined(got),
      url: current,
    };
  }
  throw new SourceError("tooManyRedirects", url);
}

const stripUndefined = (v: Validators): Validators =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Validators;

const retryable = (e: unknown) =>
  e instanceof SourceError &&
  (e.code === "timeout" ||
    e.code === "network" ||
    (e.code === "httpStatus" && /^(5\d\d|429)/.test(e.message.split(": ")[1] ?? "")));

/** Fetches an address on a configured host, with retries and a doubling wait for failures that may pass. */
export async function fetchSource(
  url: string,
  config: RadarConfig,
  validators: Validators = {},
): Promise<Fetched> {
  if (!config.enabled) throw new SourceError("network", url, "the radar is off (RADAR_POLLING=0)");
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, validators, config);
    } catch (err) {
      if (attempt >= config.retries || !retryable(err)) throw err;
      await sleep(config.backoffMs * 2 ** attempt);
    }
  }
}
