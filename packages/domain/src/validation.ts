import { z } from "zod";
import { AppError } from "./errors";
import { isValidDateOnly } from "./dates";

/** Parses input with a zod schema; a failure becomes BAD_REQUEST with field errors (message keys). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const res = schema.safeParse(input);
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

/** Shared field builders. Messages are keys in messages.ts. */
export const fields = {
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
