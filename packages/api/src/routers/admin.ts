import {
  createIssuingBody,
  getOrganisationSettings,
  issuingBodyInput,
  listIssuingBodies,
  listOutboxEmails,
  organisationSettings,
  updateIssuingBody,
  updateIssuingBodyInput,
  updateOrganisationSettings,
} from "@innspill/domain";
import { protectedProcedure, roleProcedure, router, domainInput } from "../trpc";

const admin = roleProcedure(["ADMIN"]);

export const adminRouter = router({
  issuingBodies: protectedProcedure.query(({ ctx }) => listIssuingBodies(ctx.db, ctx.actor)),
  createIssuingBody: admin
    .input(domainInput(issuingBodyInput))
    .mutation(({ ctx, input }) => createIssuingBody(ctx.db, input, ctx.actor)),
  updateIssuingBody: admin
    .input(domainInput(updateIssuingBodyInput))
    .mutation(({ ctx, input }) => updateIssuingBody(ctx.db, input, ctx.actor)),
  settings: admin.query(({ ctx }) => getOrganisationSettings(ctx.db, ctx.actor.organisationId)),
  updateSettings: admin
    .input(domainInput(organisationSettings))
    .mutation(({ ctx, input }) => updateOrganisationSettings(ctx.db, input, ctx.actor)),
  outbox: admin.query(({ ctx }) => listOutboxEmails(ctx.db, ctx.actor)),
});
