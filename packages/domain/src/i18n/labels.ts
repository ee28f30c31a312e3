/**
 * Names of the domain's kinds in the user's language, from the messages (messages.ts): the one place they are
 * written. Browser-safe.
 */
import type { MilestoneKind } from "@innspill/db/enums";
import { relocalizeDate, type Locale } from "../dates/dates";
import { domainMessages, type DomainMessageKey } from "./messages";

/** A milestone kind's message key; a kind without a label in the messages does not compile. */
export const milestoneLabelKey = (kind: MilestoneKind) =>
  `milestoneKind${kind}` as const satisfies DomainMessageKey;

/** «Utkast», «Draft» …: a milestone kind's name in the language. */
export function milestoneLabel(kind: MilestoneKind, locale: Locale = "nb"): string {
  return domainMessages[locale][milestoneLabelKey(kind)];
}

/** A milestone moved with its hearing's deadline, as a notification names it (dates already formatted). */
interface MilestoneMoveParam {
  kind: MilestoneKind;
  from: string;
  to: string;
}

/** What a notification's message is given: text and numbers, and the milestones a deadline change moved. */
export type NotificationParams = Record<string, string | number | readonly MilestoneMoveParam[]>;

const isKind = (v: unknown): v is MilestoneKind =>
  typeof v === "string" && `milestoneKind${v}` in domainMessages.nb;

/**
 * A notification's stored values in the reader's language: a milestone kind (`milestone`) by its name, the
 * moved milestones (`moves`) as lines, and dates. Stored notifications keep the kinds, so each reader gets their language.
 */
export function localizeParams(params: unknown, locale: Locale = "nb"): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    if (key === "milestone" && isKind(value)) out[key] = milestoneLabel(value, locale);
    else if (Array.isArray(value))
      out[key] = (value as MilestoneMoveParam[])
        .map(
          (m) =>
            `• ${isKind(m.kind) ? milestoneLabel(m.kind, locale) : m.kind}: ${relocalizeDate(m.from, locale)} → ${relocalizeDate(m.to, locale)}`,
        )
        .join("\n");
    // Dates were stored as written in Norwegian («28. desember 2026»): the reader gets them in their language.
    else if (typeof value === "string") out[key] = relocalizeDate(value, locale);
    else if (typeof value === "number") out[key] = value;
  }
  return out;
}
