import { pollDueRadarSources, radarPollingEnabled } from "@innspill/domain/worker";
import type { ProcessorContext } from "./context";

/**
 * The radar's tick: polls the sources that are due. A source that fails is recorded on its row (Systemstatus shows
 * it) and tried again at its next interval; the job itself succeeds, so one bad source never holds up the others.
 */
export async function processPollRadar(ctx: ProcessorContext) {
  if (!(ctx.radarConfig?.enabled ?? radarPollingEnabled())) return { polled: 0, disabled: true };
  const results = await pollDueRadarSources(ctx.db, { config: ctx.radarConfig });
  // Pages or cases past the reading limits, left out with their reason (counted: the job is then logged at info).
  const skipped = results.flatMap((r) => (r.skipped ?? []).map((s) => `${r.source}: ${s}`));
  return {
    polled: results.length,
    failed: results.filter((r) => !r.ok).map((r) => `${r.source}: ${r.error}`),
    created: results.reduce((n, r) => n + r.created, 0),
    skipped: { count: skipped.length, reasons: skipped },
  };
}
