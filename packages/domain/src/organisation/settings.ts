import { z } from "zod";
import type { Db, DbTx } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";
import { sha256 } from "../common/hash";

const offset = z.int({ error: "invalid" }).min(0, { error: "offsetRange" }).max(60, { error: "offsetRange" });

const milestoneOffsetsSchema = z
  .object({ UTKAST: offset, GJENNOMGANG: offset, GODKJENNING: offset, SIGNERING: offset })
  .refine((o) => o.UTKAST > o.GJENNOMGANG && o.GJENNOMGANG > o.GODKJENNING && o.GODKJENNING > o.SIGNERING, {
    error: "offsetOrder",
  });

export const DEFAULT_SETTINGS = {
  /** Working days before the deadline: draft −10, review −7, approval −3, signing −1. */
  milestoneOffsets: { UTKAST: 10, GJENNOMGANG: 7, GODKJENNING: 3, SIGNERING: 1 },
  /** Reminders go out this many working days before a milestone or deadline, and on the day. */
  reminderWorkingDays: 2,
  /** The organisation's contact line(s) at the foot of every page of its letters; none by default. */
  letterFooter: null as string | null,
  /** The organisation's logo in its letters' letterhead (a stored file); none by default. */
  letterLogo: null as LetterLogoSetting | null,
};

export type LetterLogoSetting = {
  sha256: string;
  mediaType: "image/png" | "image/jpeg";
  width: number;
  height: number;
};

const letterLogo = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.enum(["image/png", "image/jpeg"]),
  width: z.int().positive(),
  height: z.int().positive(),
});

const organisationSettings = z.object({
  milestoneOffsets: milestoneOffsetsSchema.default(DEFAULT_SETTINGS.milestoneOffsets),
  reminderWorkingDays: z
    .int({ error: "invalid" })
    .min(0)
    .max(20)
    .default(DEFAULT_SETTINGS.reminderWorkingDays),
  letterFooter: z
    .string({ error: "invalid" })
    .trim()
    .max(300, { error: "footerTooLong" })
    .refine((s) => s.split("\n").length <= 3, { error: "footerTooManyLines" })
    .transform((s) => s || null)
    .nullable()
    .default(DEFAULT_SETTINGS.letterFooter),
  letterLogo: letterLogo.nullable().default(DEFAULT_SETTINGS.letterLogo),
});
export type OrganisationSettings = z.output<typeof organisationSettings>;

type StoredSettings = Record<string, unknown>;

const asObject = (raw: unknown): StoredSettings =>
  raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as StoredSettings) : {};

/**
 * Stored settings read field by field: a field that is missing or no longer parses gets its own default, and the
 * others are kept. One broken or renamed key (or a key a later version adds as required) never costs an
 * organisation its letter footer, logo or reminder lead time.
 */
export function readSettings(raw: unknown): OrganisationSettings {
  const stored = asObject(raw);
  const shape = organisationSettings.shape;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const field = shape[key] as z.ZodType;
    const parsed = field.safeParse(stored[key]);
    out[key] = parsed.success ? parsed.data : field.parse(undefined);
  }
  return out as OrganisationSettings;
}

async function storedSettings(db: DbTx, organisationId: string): Promise<StoredSettings> {
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { settings: true },
  });
  return asObject(org.settings);
}

/** The organisation's settings, with defaults for what was never set (or no longer parses), field by field. */
export async function getOrganisationSettings(
  db: DbTx,
  organisationId: string,
): Promise<OrganisationSettings> {
  return readSettings(await storedSettings(db, organisationId));
}

/** What a save stores: the settings with the changes, and any key this version does not know kept as it was. */
async function settingsWith(db: DbTx, organisationId: string, changes: Partial<OrganisationSettings>) {
  const stored = await storedSettings(db, organisationId);
  return { ...stored, ...readSettings(stored), ...changes };
}

/** Admin → Innstillinger: the settings with the version an edit must name. */
export async function getEditableSettings(db: Db, actor: Actor) {
  authorize(actor, "settings.edit");
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: { settingsVersion: true },
  });
  return { ...(await getOrganisationSettings(db, actor.organisationId)), version: org.settingsVersion };
}

/** What the settings form saves; the logo has its own upload (setLetterLogo) and is kept as it is. */
export const updateSettingsInput = organisationSettings
  .omit({ letterLogo: true })
  .extend({ version: fields.version() });

export async function updateOrganisationSettings(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "settings.edit");
  const { version, ...changes } = parseInput(updateSettingsInput, input);
  return db.$transaction(async (tx) => {
    // Two admins saving at once: the second is told, with what the first saved; nothing is overwritten silently.
    const [row] = await tx.$queryRaw<{ settingsVersion: number }[]>`
      SELECT "settingsVersion" FROM "Organisation" WHERE id = ${actor.organisationId}::uuid FOR UPDATE`;
    if (row!.settingsVersion !== version)
      throw new AppError("CONFLICT", "settingsConflict", {
        details: { current: await getOrganisationSettings(tx, actor.organisationId) },
      });
    const settings = await settingsWith(tx, actor.organisationId, changes);
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
      data: readSettings(settings),
    });
    return { ...readSettings(settings), version: saved.settingsVersion };
  });
}

/** The largest logo accepted: a letterhead logo is a few kilobytes; a photo is refused. */
const MAX_LOGO_BYTES = 512 * 1024;

export const setLetterLogoInput = z.object({
  version: fields.version(),
  /** The image (PNG or JPEG) as base64, or null to remove the logo. */
  image: z
    .string({ error: "invalid" })
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4, { error: "logoTooLarge" })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "logoNotImage" })
    .nullable(),
});

/** The kind and pixel size of a PNG or JPEG, from its header; null for anything else. */
function imageInfo(bytes: Uint8Array): Omit<LetterLogoSetting, "sha256"> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 24 && png.every((b, i) => bytes[i] === b)) {
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    return width && height ? { mediaType: "image/png", width, height } : null;
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // The first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC) gives the size.
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      const length = view.getUint16(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        const height = view.getUint16(at + 5);
        const width = view.getUint16(at + 7);
        return width && height ? { mediaType: "image/jpeg", width, height } : null;
      }
      at += 2 + length;
    }
  }
  return null;
}

/** Admin → Innstillinger → Brevene: the logo in every letter's letterhead from now on, or none. */
export async function setLetterLogo(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "settings.edit");
  const { version, image } = parseInput(setLetterLogoInput, input);
  let logo: LetterLogoSetting | null = null;
  let bytes: Buffer | null = null;
  if (image !== null) {
    bytes = Buffer.from(image, "base64");
    if (bytes.length > MAX_LOGO_BYTES)
      throw new AppError("BAD_REQUEST", "logoTooLarge", { fieldErrors: { image: ["logoTooLarge"] } });
    const info = imageInfo(bytes);
    if (!info || info.width > 10_000 || info.height > 10_000)
      throw new AppError("BAD_REQUEST", "logoNotImage", { fieldErrors: { image: ["logoNotImage"] } });
    logo = { ...info, sha256: sha256(bytes) };
  }
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ settingsVersion: number }[]>`
      SELECT "settingsVersion" FROM "Organisation" WHERE id = ${actor.organisationId}::uuid FOR UPDATE`;
    if (row!.settingsVersion !== version)
      throw new AppError("CONFLICT", "settingsConflict", {
        details: { current: await getOrganisationSettings(tx, actor.organisationId) },
      });
    if (logo && bytes)
      await tx.storedFile.createMany({
        data: [
          {
            sha256: logo.sha256,
            mediaType: logo.mediaType,
            size: bytes.length,
            content: new Uint8Array(bytes),
          },
        ],
        skipDuplicates: true,
      });
    const settings = await settingsWith(tx, actor.organisationId, { letterLogo: logo });
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
      data: { letterLogo: logo },
    });
    return { ...readSettings(settings), version: saved.settingsVersion };
  });
}
