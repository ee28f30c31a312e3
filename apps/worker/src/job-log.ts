/** How loudly the worker logs a finished job. */

/** Whether a job's result counts anything done: any count above zero (sent, marked, failed …), at any depth. */
function countsAnything(result: unknown): boolean {
  return (
    !!result &&
    typeof result === "object" &&
    Object.values(result).some((v) => (typeof v === "number" && v > 0) || countsAnything(v))
  );
}

/**
 * A scheduled run that found nothing to do is logged at debug: e-mail delivery runs every minute and would otherwise
 * fill the log with 1 440 lines a day of nothing. Every other finished job, and a scheduled one that did something,
 * at info.
 */
export function jobDoneLevel(job: { cron?: string }, result: unknown): "debug" | "info" {
  return job.cron && !countsAnything(result) ? "debug" : "info";
}
