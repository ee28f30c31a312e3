export * from "./actor";
export * from "./access";
export * from "./jobs";
export * from "./calendar";
export { idempotencyKeyOf, runOnce } from "./idempotency";
export * from "./dates";
export { listOutboxEmails } from "./email";
export * from "./errors";
export * from "./issuing-bodies";
export * from "./library/index";
export * from "./messages";
export * from "./labels";
export {
  countUnreadNotifications,
  getMyProfile,
  listNotifications,
  markNotificationsRead,
  markNotificationsReadInput,
  setEmailReminders,
  setEmailRemindersInput,
} from "./notifications";
export * from "./settings";
export * from "./validation";
export * from "./workdays";
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
} from "./users/index";
export * from "./users/schemas";
export {
  listMyPasskeys,
  passkeyIdInput,
  passkeyRegistrationOptions,
  registerPasskey,
  registerPasskeyInput,
  relyingPartyOf,
  removeMyPasskey,
  type RelyingParty,
} from "./users/passkeys";
export { getSystemStatus, listWorkers, runOverdueCheck, HEARTBEAT_STALE_MS } from "./system/index";
export * from "./submissions/index";
export * from "./imports/index";
export * from "./memory/index";
export * from "./noark/index";
export { Slots } from "./slots";
export * from "./radar/index";
