import { z } from "zod";
import { fields } from "../common/validation";
import { ROLES } from "../access/actor";

const password = () =>
  z.string({ error: "required" }).min(10, { error: "passwordTooShort" }).max(200, { error: "textTooLong" });

const email = () =>
  z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "invalidEmail" }));

export const createUserInput = z.object({
  name: fields.requiredText(200, "nameTooLong"),
  email: email(),
  title: fields.optionalText(200, "textTooLong"),
  role: z.enum(ROLES, { error: "required" }),
  password: password(),
});

export const userIdInput = z.object({ userId: fields.id() });

export const resetPasswordInput = z.object({ userId: fields.id(), password: password() });

/** Min profil → Bytt passord: the current password, and a new one. */
export const changeOwnPasswordInput = z
  .object({
    current: z.string({ error: "required" }).min(1, { error: "required" }).max(200),
    password: password(),
  })
  .refine((d) => d.current !== d.password, { error: "passwordUnchanged", path: ["password"] });

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(200),
});
