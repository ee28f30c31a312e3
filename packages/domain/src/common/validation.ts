import { z } from "zod";
import { AppError } from "./errors";
import { isValidDateOnly } from "../dates/dates";

/** How deep input may nest: a letter's body is a handful of levels; thousands are an attack on the parser. */
const MAX_DEPTH = 64;

/**
 * Text as it may be stored: Word's vertical tab (U+000B, a line break in Word) becomes a line break, other control
 * characters and non-characters go, and a lone surrogate becomes U+FFFD. What is stored can always be written as
 * XML (a DOCX, a Noark extract) and as JSON.
 */
function normalizeText(s: string): string {
  /* eslint-disable no-control-regex -- removing control characters is the point */
  return s
    .toWellFormed()
    .replace(/\u000b/g, "\n")
    .replace(/[\u0000-\u0008\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, "");
  /* eslint-enable no-control-regex */
}

/** Every string of an input normalised (see `normalizeText`); too deep a structure is refused. */
function normalizeInput(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH)
    throw new AppError("BAD_REQUEST", "invalid", { fieldErrors: { _form: ["tooDeep"] } });
  if (typeof value === "string") return normalizeText(value);
  if (Array.isArray(value)) return value.map((v) => normalizeInput(v, depth + 1));
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeInput(v, depth + 1)]));
  return value;
}

/**
 * Parses input with a zod schema, after normalising its text; a failure becomes BAD_REQUEST with field errors
 * (message keys).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const res = schema.safeParse(normalizeInput(input));
  if (res.success) return res.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of res.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("BAD_REQUEST", "invalid", { fieldErrors });
}

/** An http(s) address with a host that has a dot: what a hearing's links and web addresses must be. */
export const isWebAddress = (s: string): boolean => /^https?:\/\/[^\s]+\.[^\s]+$/i.test(s);

/** Shared field builders. Messages are keys in i18n/messages.ts. */
/** The largest value a PostgreSQL integer column holds: counters and versions stop here, as input too. */
export const MAX_INT = 2_147_483_647;

export const fields = {
  /** An optimistic-lock version: a positive integer a column can hold. */
  version: () => z.int({ error: "invalid" }).min(1, { error: "invalid" }).max(MAX_INT, { error: "invalid" }),
  requiredText: (max: number, tooLong: string) =>
    z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: tooLong }),
  optionalText: (max: number, tooLong: string) =>
    z
      .string({ error: "invalid" })
      .trim()
      .max(max, { error: tooLong })
      .transform((s) => (s === "" ? null : s))
      .nullable()
      .optional()
      .transform((s) => s ?? null),
  dateOnly: () =>
    z.string({ error: "required" }).trim().min(1, { error: "required" }).refine(isValidDateOnly, {
      error: "invalidDate",
    }),
  optionalDateOnly: () =>
    z
      .string({ error: "invalidDate" })
      .trim()
      .refine((s) => s === "" || isValidDateOnly(s), { error: "invalidDate" })
      .transform((s) => (s === "" ? null : s))
      .nullable()
      .optional()
      .transform((s) => s ?? null),
  optionalUrl: () =>
    z
      .string({ error: "invalidUrl" })
      .trim()
      .max(2000, { error: "textTooLong" })
      .refine((s) => s === "" || isWebAddress(s), { error: "invalidUrl" })
      .transform((s) => (s === "" ? null : s))
      .nullable()
      .optional()
      .transform((s) => s ?? null),
  /** Topic names: a comma-separated string (from a text field) or a list; trimmed, de-duplicated, empty ones dropped. */
  topics: () =>
    z
      .union([z.string(), z.array(z.string())], { error: "invalid" })
      .optional()
      .transform((v) => {
        const list = typeof v === "string" ? v.split(",") : (v ?? []);
        return [...new Set(list.map((t) => t.trim().replace(/\s+/g, " ")).filter(Boolean))];
      })
      .pipe(z.array(z.string().max(60, { error: "topicTooLong" })).max(20, { error: "tooManyTopics" })),
  id: () => z.uuid({ error: "invalid" }),
  optionalId: () =>
    z
      .union([z.uuid({ error: "invalid" }), z.literal("")])
      .nullable()
      .optional()
      .transform((s) => (s ? s : null)),
};
