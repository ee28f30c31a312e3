import {
  createIssuingBody,
  getEditableSettings,
  issuingBodyInput,
  listIssuingBodies,
  listOutboxEmails,
  updateSettingsInput,
  updateIssuingBody,
  updateIssuingBodyInput,
  updateOrganisationSettings,
  setLetterLogo,
  setLetterLogoInput,
} from "@innspill/domain";
import { permissionProcedure, protectedProcedure, router, domainInput } from "../trpc";
import { once } from "../idempotency";

export const adminRouter = router({
  issuingBodies: protectedProcedure.query(({ ctx }) => listIssuingBodies(ctx.db, ctx.actor)),
  createIssuingBody: permissionProcedure("issuingBody.edit")
    .input(domainInput(issuingBodyInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "admin.createIssuingBody", input, () => createIssuingBody(ctx.db, input, ctx.actor)),
    ),
  updateIssuingBody: permissionProcedure("issuingBody.edit")
    .input(domainInput(updateIssuingBodyInput))
    .mutation(({ ctx, input }) => updateIssuingBody(ctx.db, input, ctx.actor)),
  settings: permissionProcedure("settings.edit").query(({ ctx }) => getEditableSettings(ctx.db, ctx.actor)),
  updateSettings: permissionProcedure("settings.edit")
    .input(domainInput(updateSettingsInput))
    .mutation(({ ctx, input }) => updateOrganisationSettings(ctx.db, input, ctx.actor)),
  /** The logo in the letterhead (PNG or JPEG as base64), or null to remove it. */
  setLetterLogo: permissionProcedure("settings.edit")
    .input(domainInput(setLetterLogoInput))
    .mutation(({ ctx, input }) => setLetterLogo(ctx.db, input, ctx.actor)),
  outbox: permissionProcedure("outbox.read").query(({ ctx }) => listOutboxEmails(ctx.db, ctx.actor)),
});
