import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The only place in @innspill/domain that reads process.env: the hearing radar's sources. */
export const env = createEnv({
  server: {
    /** Stortinget's open data export service; only this host is fetched for Stortinget. */
    RADAR_STORTINGET_URL: z.url().default("https://data.stortinget.no"),
    /** Stortinget's web pages (hearing pages are linked and recognised when pasted, never fetched). */
    RADAR_STORTINGET_PAGE_URL: z.url().default("https://www.stortinget.no"),
    /** regjeringen.no; only this host is fetched for the government's hearings and their documents. */
    RADAR_REGJERINGEN_URL: z.url().default("https://www.regjeringen.no"),
    RADAR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    RADAR_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    RADAR_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    /** 0: the worker's schedule polls nothing (the tests and the e2e suite, which must never reach the internet). */
    RADAR_POLLING: z.enum(["0", "1"]).default("1"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
