import type { Db } from "@innspill/db";
import { markOverdueHearings } from "@innspill/domain/worker";
import type { markOverdueHearingsJob, JobPayload } from "@innspill/jobs";

type Payload = JobPayload<typeof markOverdueHearingsJob>;

export async function processMarkOverdue(db: Db, payload: Payload) {
  const result = await markOverdueHearings(db, { now: payload.now ? new Date(payload.now) : new Date() });
  return { marked: result.marked.length, today: result.today };
}
