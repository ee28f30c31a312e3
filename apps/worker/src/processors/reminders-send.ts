import type { Db } from "@innspill/db";
import { sendDueReminders } from "@innspill/domain/worker";
import type { JobPayload, sendRemindersJob } from "@innspill/jobs";

export async function processSendReminders(db: Db, payload: JobPayload<typeof sendRemindersJob>) {
  return sendDueReminders(db, { now: payload.now ? new Date(payload.now) : new Date() });
}
