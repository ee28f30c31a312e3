import { z } from "zod";
import type { Db, DbTx } from "@innspill/db";
import type { Actor } from "./actor";
import { requireRole } from "./actor";
import { recordAudit } from "./audit";
import { AppError } from "./errors";
import { fields, parseInput } from "./validation";

const offset = z.int({ error: "invalid" }).min(0, { error: "offsetRange" }).max(60, { error: "offsetRange" });

export const milestoneOffsetsSchema = z
  .object({ UTKAST: offset, GJENNOMGANG: offset, GODKJENNING: offset, SIGNERING: offset })
  .refine((o) => o.UTKAST > o.GJENNOMGANG && o.GJENNOMGANG > o.GODKJENNING && o.GODKJENNING > o.SIGNERING, {
    error: "offsetOrder",
  });

export const DEFAULT_SETTINGS = {
  /** Working days before the deadline: draft −10, review −7, approval −3, signing −1. */
  milestoneOffsets: { UTKAST: 10, GJENNOMGANG: 7, GODKJENNING: 3, SIGNERING: 1 },
  /** Reminders go out this many working days before a milestone or deadline, and on the day. */
  reminderWorkingDays: 2,
};

export const organisationSettings = z.object({
  milestoneOffsets: milestoneOffsetsSchema.default(DEFAULT_SETTINGS.milestoneOffsets),
  reminderWorkingDays: z
    .int({ error: "invalid" })
    .min(0)
    .max(20)
    .default(DEFAULT_SETTINGS.reminderWorkingDays),
});
export type OrganisationSettings = z.output<typeof organisationSettings>;

/** The organisation's settings, with defaults for what was never set (or no longer parses). */
export async function getOrganisationSettings(
  db: DbTx,
  organisationId: string,
): Promise<OrganisationSettings> {
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { settings: true },
  });
  const parsed = organisationSettings.safeParse(org.settings ?? {});
  return parsed.success ? parsed.data : organisationSettings.parse({});
}

/** Admin → Innstillinger: the settings with the version an edit must name. */
export async function getEditableSettings(db: Db, actor: Actor) {
  requireRole(actor, ["ADMIN"]);
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: { settingsVersion: true },
  });
  return { ...(await getOrganisationSettings(db, actor.organisationId)), version: org.settingsVersion };
}

export const updateSettingsInput = organisationSettings.extend({ version: fields.version() });

export async function updateOrganisationSettings(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, ["ADMIN"]);
  const { version, ...settings } = parseInput(updateSettingsInput, input);
  return db.$transaction(async (tx) => {
    // Two admins saving at once: the second is told, with what the first saved; nothing is overwritten silently.
    const [row] = await tx.$queryRaw<{ settingsVersion: number }[]>`
      SELECT "settingsVersion" FROM "Organisation" WHERE id = ${actor.organisationId}::uuid FOR UPDATE`;
    if (row!.settingsVersion !== version)
      throw new AppError("CONFLICT", "settingsConflict", {
        details: { current: await getOrganisationSettings(tx, actor.organisationId) },
      });
    const saved = await tx.organisation.update({
      where: { id: actor.organisationId },
      data: { settings, settingsVersion: { increment: 1 } },
      select: { settingsVersion: true },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "settings.updated",
      entity: "Organisation",
      entityId: actor.organisationId,
      data: settings,
    });
    return { ...settings, version: saved.settingsVersion };
  });
}
