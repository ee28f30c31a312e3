import { env } from "../env";

/** Where the radar's sources are and how it fetches them. Only the hosts of these base addresses are ever fetched. */
export interface RadarConfig {
  stortingetUrl: string;
  stortingetPageUrl: string;
  regjeringenUrl: string;
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  /** The first wait before a retry; it doubles each time. */
  backoffMs: number;
  /** False (RADAR_POLLING=0): nothing is fetched with the configured defaults; tests pass their own config. */
  enabled: boolean;
}

export function radarConfig(override: Partial<RadarConfig> = {}): RadarConfig {
  return {
    stortingetUrl: env.RADAR_STORTINGET_URL,
    stortingetPageUrl: env.RADAR_STORTINGET_PAGE_URL,
    regjeringenUrl: env.RADAR_REGJERINGEN_URL,
    timeoutMs: env.RADAR_TIMEOUT_MS,
    maxBytes: env.RADAR_MAX_BYTES,
    retries: env.RADAR_RETRIES,
    backoffMs: 1000,
    enabled: env.RADAR_POLLING === "1",
    ...override,
  };
}

export const RADAR_SOURCES = ["stortinget", "regjeringen"] as const;
export type RadarSourceName = (typeof RADAR_SOURCES)[number];

/** Whether the worker's schedule polls the sources (RADAR_POLLING); a poll asked for by hand always runs. */
export const radarPollingEnabled = () => env.RADAR_POLLING === "1";
