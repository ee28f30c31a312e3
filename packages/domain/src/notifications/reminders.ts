/**
 * Reminders before milestones and deadlines. Run by the worker every hour; on working days it reminds each
 * recipient once per subject and day, from `reminderWorkingDays` working days before the date until the date.
 *
 * Exactly once: each reminder is its own transaction that inserts a ReminderLog row with a unique
 * (subject, recipient, day) key together with the notification and the outbox e-mail. A retry, a second run or a run
 * after a crash finds the key taken and sends nothing; a crash before commit leaves nothing behind.
 */
import type { Db, HearingStatus } from "@innspill/db";
import {
  dateOnlyToDb,
  dbToDateOnly,
  formatDate,
  osloDate,
  type DateOnly,
  addDaysToDateOnly,
} from "../dates/dates";
import { OPEN_STATUSES } from "../hearings/constants";
import { notify, type NotificationMessage } from "./notifications";
import { getOrganisationSettings } from "../organisation/settings";
import { isWorkingDay, workingDaysBetween } from "../dates/workdays";

interface Reminder {
  subject: string;
  recipientId: string;
  hearingId: string;
  message: NotificationMessage;
}

export interface SendRemindersOptions {
  now?: Date;
  /** For tests: called after each committed reminder (throw to simulate a crash mid-run). */
  afterEach?: (sent: number) => void;
}

export async function sendDueReminders(db: Db, options: SendRemindersOptions = {}) {
  const now = options.now ?? new Date();
  const today = osloDate(now);
  if (!isWorkingDay(today)) return { today, considered: 0, sent: 0, skipped: 0 };

  const orgs = await db.organisation.findMany({ select: { id: true } });
  const due: Reminder[] = [];
  for (const org of orgs) {
    const { reminderWorkingDays } = await getOrganisationSettings(db, org.id);
    // The latest date that is within the window from today.
    let horizon: DateOnly = today;
    while (workingDaysBetween(today, horizon) < reminderWorkingDays) horizon = addDaysToDateOnly(horizon, 1);
    const window = { gte: dateOnlyToDb(today), lte: dateOnlyToDb(horizon) };
    const open = { in: OPEN_STATUSES as HearingStatus[] };

    const milestones = await db.milestone.findMany({
      where: { doneAt: null, dueDate: window, hearing: { organisationId: org.id, status: open } },
      select: {
        id: true,
        kind: true,
        dueDate: true,
        ownerId: true,
        hearing: { select: { id: true, title: true, responsibleId: true, deadline: true } },
      },
    });
    for (const m of milestones) {
      const recipient = m.ownerId ?? m.hearing.responsibleId;
      if (!recipient) continue;
      const date = dbToDateOnly(m.dueDate);
      due.push({
        subject: `milestone:${m.id}`,
        recipientId: recipient,
        hearingId: m.hearing.id,
        message: {
          key: "notifyMilestoneDue",
          params: {
            milestone: m.kind,
            days: workingDaysBetween(today, date),
            title: m.hearing.title,
            date: formatDate(date),
            deadline: formatDate(dbToDateOnly(m.hearing.deadline)),
          },
        },
      });
    }

    const hearings = await db.hearing.findMany({
      where: { organisationId: org.id, status: open, deadline: window },
      select: {
        id: true,
        title: true,
        deadline: true,
        responsibleId: true,
        participants: { select: { userId: true } },
      },
    });
    for (const h of hearings) {
      const date = dbToDateOnly(h.deadline);
      const recipients = new Set(
        [h.responsibleId, ...h.participants.map((p) => p.userId)].filter((x): x is string => !!x),
      );
      for (const recipientId of recipients) {
        due.push({
          subject: `deadline:${h.id}`,
          recipientId,
          hearingId: h.id,
          message: {
            key: "notifyDeadlineDue",
            params: { days: workingDaysBetween(today, date), title: h.title, date: formatDate(date) },
          },
        });
      }
    }
  }

  let sent = 0;
  let skipped = 0;
  for (const r of due) {
    const created = await db.$transaction(async (tx) => {
      const { count } = await tx.reminderLog.createMany({
        data: [{ subject: r.subject, recipientId: r.recipientId, day: dateOnlyToDb(today) }],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      await notify(tx, {
        userIds: [r.recipientId],
        hearingId: r.hearingId,
        kind: "reminder",
        message: r.message,
        email: true,
      });
      return true;
    });
    if (created) {
      sent++;
      options.afterEach?.(sent);
    } else skipped++;
  }
  return { today, considered: due.length, sent, skipped };
}

// Re-exported for callers that plan around reminders.
