export * from "./access/actor";
export * from "./access/permissions";
export * from "./common/jobs";
export * from "./hearings/calendar";
export { idempotencyKeyOf, runOnce } from "./common/idempotency";
export * from "./dates/dates";
export { listOutboxEmails } from "./notifications/email";
export * from "./common/errors";
export * from "./organisation/issuing-bodies";
export * from "./library/index";
export * from "./i18n/messages";
export * from "./i18n/labels";
export {
  countUnreadNotifications,
  getMyProfile,
  listNotifications,
  markNotificationsRead,
  markNotificationsReadInput,
  setEmailReminders,
  setEmailRemindersInput,
} from "./notifications/notifications";
export * from "./organisation/settings";
export * from "./common/validation";
export * from "./dates/workdays";
export * from "./hearings/index";
export * from "./hearings/attachments";
export {
  calendarMonthInput,
  countDecisionsByQuarter,
  getCalendarMonth,
  getOverview,
} from "./hearings/overview";
export {
  activateUser,
  bootstrapInput,
  bootstrapInstallation,
  changeOwnPassword,
  createUser,
  deactivateUser,
  listUsers,
  resetUserPassword,
  setUserActive,
} from "./users/accounts";
export * from "./users/schemas";
export { getSystemStatus, listWorkers, runOverdueCheck, HEARTBEAT_STALE_MS } from "./system/status";
export * from "./submissions/index";
export * from "./imports/index";
export * from "./memory/index";
export * from "./noark/export";
export { Slots } from "./common/slots";
export * from "./radar/index";
