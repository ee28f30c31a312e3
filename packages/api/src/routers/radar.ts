import {
  acceptRadarItem,
  checkRadarSourceNow,
  dismissRadarItem,
  dismissRadarItemInput,
  followRadarTopic,
  followTopicInput,
  listRadarItems,
  listRadarItemsInput,
  listRadarSources,
  listRadarTopics,
  proposeFromAddress,
  proposeFromAddressInput,
  radarItemInput,
  updateRadarSource,
  updateRadarSourceInput,
} from "@innspill/domain";
import { permissionProcedure, protectedProcedure, router, domainInput } from "../trpc";

const editor = permissionProcedure("radar.review");
const admin = permissionProcedure("radar.manage");

/** The hearing radar: «Nye høringer» and the sources' schedule and status (Systemstatus). */
export const radarRouter = router({
  list: protectedProcedure
    .input(domainInput(listRadarItemsInput))
    .query(({ ctx, input }) => listRadarItems(ctx.db, input, ctx.actor)),
  accept: editor
    .input(domainInput(radarItemInput))
    .mutation(({ ctx, input }) => acceptRadarItem(ctx.db, input, ctx.actor)),
  dismiss: editor
    .input(domainInput(dismissRadarItemInput))
    .mutation(({ ctx, input }) => dismissRadarItem(ctx.db, input, ctx.actor)),
  propose: editor
    .input(domainInput(proposeFromAddressInput))
    .mutation(({ ctx, input }) => proposeFromAddress(ctx.db, input, ctx.actor)),
  topics: protectedProcedure.query(({ ctx }) => listRadarTopics(ctx.db, ctx.actor)),
  follow: protectedProcedure
    .input(domainInput(followTopicInput))
    .mutation(({ ctx, input }) => followRadarTopic(ctx.db, input, ctx.actor)),
  sources: admin.query(({ ctx }) => listRadarSources(ctx.db, ctx.actor)),
  updateSource: admin
    .input(domainInput(updateRadarSourceInput))
    .mutation(({ ctx, input }) => updateRadarSource(ctx.db, input, ctx.actor)),
  checkNow: admin
    .input(domainInput(radarItemInput))
    .mutation(({ ctx, input }) => checkRadarSourceNow(ctx.db, input, ctx.actor)),
});
