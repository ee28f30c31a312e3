import {
  changeOwnPassword,
  changeOwnPasswordInput,
  countUnreadNotifications,
  getMyProfile,
  issueCalendarToken,
  listNotifications,
  markNotificationsRead,
  markNotificationsReadInput,
  revokeCalendarToken,
  setEmailReminders,
  setEmailRemindersInput,
} from "@innspill/domain";
import { protectedProcedure, router, domainInput } from "../trpc";

/** The logged-in user's own things: notifications, reminder settings, calendar feed. */
export const meRouter = router({
  profile: protectedProcedure.query(({ ctx }) => getMyProfile(ctx.db, ctx.actor)),
  notifications: protectedProcedure.query(({ ctx }) => listNotifications(ctx.db, ctx.actor)),
  unreadCount: protectedProcedure.query(({ ctx }) => countUnreadNotifications(ctx.db, ctx.actor)),
  markRead: protectedProcedure
    .input(domainInput(markNotificationsReadInput))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, input, ctx.actor)),
  setEmailReminders: protectedProcedure
    .input(domainInput(setEmailRemindersInput))
    .mutation(({ ctx, input }) => setEmailReminders(ctx.db, input, ctx.actor)),
  issueCalendarToken: protectedProcedure.mutation(({ ctx }) => issueCalendarToken(ctx.db, ctx.actor)),
  revokeCalendarToken: protectedProcedure.mutation(({ ctx }) => revokeCalendarToken(ctx.db, ctx.actor)),
  changePassword: protectedProcedure
    .input(domainInput(changeOwnPasswordInput))
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, input, ctx.actor)),
});
