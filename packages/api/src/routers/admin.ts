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
import { protectedProcedure, roleProcedure, router, domainInput } from "../trpc";
import { once } from "../idempotency";

const admin = roleProcedure(["ADMIN"]);

export const adminRouter = router({
  issuingBodies: protectedProcedure.query(({ ctx }) => listIssuingBodies(ctx.db, ctx.actor)),
  createIssuingBody: admin
    .input(domainInput(issuingBodyInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "admin.createIssuingBody", input, () => createIssuingBody(ctx.db, input, ctx.actor)),
    ),
  updateIssuingBody: admin
    .input(domainInput(updateIssuingBodyInput))
    .mutation(({ ctx, input }) => updateIssuingBody(ctx.db, input, ctx.actor)),
  settings: admin.query(({ ctx }) => getEditableSettings(ctx.db, ctx.actor)),
  updateSettings: admin
    .input(domainInput(updateSettingsInput))
    .mutation(({ ctx, input }) => updateOrganisationSettings(ctx.db, input, ctx.actor)),
  /** The logo in the letterhead (PNG or JPEG as base64), or null to remove it. */
  setLetterLogo: admin
    .input(domainInput(setLetterLogoInput))
    .mutation(({ ctx, input }) => setLetterLogo(ctx.db, input, ctx.actor)),
  outbox: admin.query(({ ctx }) => listOutboxEmails(ctx.db, ctx.actor)),
});
