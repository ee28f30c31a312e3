import { IntlMessageFormat } from "intl-messageformat";
import { z } from "zod";
import type { Db, DbTx, Prisma } from "@innspill/db";
import type { Actor } from "../access/actor";
import { fields, parseInput } from "../common/validation";
import { domainMessages, type DomainMessageKey } from "../i18n/messages";
import { localizeParams, type NotificationParams } from "../i18n/labels";

/** The notifications' messages: each has a …Title and a …Body text in i18n/messages.ts. */
export type NotificationKey = {
  [K in DomainMessageKey]: K extends `${infer P}Title` ? P : never;
}[DomainMessageKey];

export interface NotificationMessage {
  key: NotificationKey;
  params: NotificationParams;
}

/** A notification's title and body in a language (Norwegian for the stored copy and the e-mail). */
export function notificationText(message: NotificationMessage, locale: "nb" | "en" = "nb") {
  const params = localizeParams(message.params, locale);
  const format = (key: DomainMessageKey) =>
    String(new IntlMessageFormat(domainMessages[locale][key], locale).format(params));
  return {
    title: format(`${message.key}Title` as DomainMessageKey),
    body: format(`${message.key}Body` as DomainMessageKey),
  };
}

export interface NotifyInput {
  userIds: Iterable<string | null | undefined>;
  hearingId?: string | null;
  kind: string;
  /** What it says, in every language; or a fixed text (title and body) in Norwegian only. */
  message?: NotificationMessage;
  title?: string;
  body?: string;
  /** The page where the user acts on it (e.g. `/innspill/<id>/godkjenning`); the hearing's page when omitted. */
  path?: string;
  /** Also send an e-mail to those who have e-mail reminders on. */
  email?: boolean;
  /** Not to this user (the one who caused it). */
  exceptUserId?: string;
}

/**
 * In-app notifications, and e-mails for those who want them, in the caller's transaction. E-mails go to the
 * outbox; the worker delivers them (SMTP) or Admin reads them there.
 */
export async function notify(tx: DbTx, input: NotifyInput): Promise<number> {
  const ids = [
    ...new Set([...input.userIds].filter((id): id is string => !!id && id !== input.exceptUserId)),
  ];
  if (!ids.length) return 0;
  // Where the user acts on it, in the app and in the e-mail: the given page, else the hearing.
  const path = input.path ?? (input.hearingId ? `/horinger/${input.hearingId}` : null);
  const { title, body } = input.message
    ? notificationText(input.message)
    : { title: input.title ?? "", body: input.body ?? "" };
  const users = await tx.user.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true, organisationId: true, email: true, name: true, emailReminders: true },
  });
  await tx.notification.createMany({
    data: users.map((u) => ({
      userId: u.id,
      hearingId: input.hearingId ?? null,
      kind: input.kind,
      title,
      body,
      messageKey: input.message?.key ?? null,
      messageParams: input.message?.params as Prisma.InputJsonObject | undefined,
      path,
    })),
  });
  if (input.email) {
    const recipients = users.filter((u) => u.emailReminders);
    if (recipients.length) {
      await tx.outboxEmail.createMany({
        data: recipients.map((u) => ({
          organisationId: u.organisationId,
          userId: u.id,
          toEmail: u.email,
          toName: u.name,
          subject: `[Innspill] ${title}`,
          path,
          text: body,
        })),
      });
    }
  }
  return users.length;
}

export async function listNotifications(db: Db, actor: Actor) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take: 50 }),
    db.notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  return { items, unread };
}

export async function countUnreadNotifications(db: Db, actor: Actor) {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

export const markNotificationsReadInput = z.object({
  /** Specific notifications, or all of the user's when omitted. */
  ids: z.array(fields.id()).max(200).optional(),
});

export async function markNotificationsRead(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  const { ids } = parseInput(markNotificationsReadInput, input ?? {});
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return { marked: count };
}

export const setEmailRemindersInput = z.object({ enabled: z.boolean({ error: "invalid" }) });

export async function setEmailReminders(db: Db, input: unknown, actor: Actor) {
  const { enabled } = parseInput(setEmailRemindersInput, input);
  await db.user.update({ where: { id: actor.id }, data: { emailReminders: enabled } });
  return { enabled };
}

export async function getMyProfile(db: Db, actor: Actor) {
  return db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      id: true,
      name: true,
      email: true,
      title: true,
      role: true,
      emailReminders: true,
      calendarToken: true,
    },
  });
}

/**
 * Marks as read the user's notifications asking for what they have just done on a page (approve, sign), in the
 * caller's transaction: the bell stops counting a request the user has acted on. `kinds` limits it to those
 * notifications (approving leaves «signer» standing); all on the page when omitted.
 */
export async function markActedOn(
  tx: DbTx,
  userId: string,
  path: string,
  kinds?: string[],
  now = new Date(),
) {
  await tx.notification.updateMany({
    where: { userId, path, readAt: null, ...(kinds ? { kind: { in: kinds } } : {}) },
    data: { readAt: now },
  });
}
