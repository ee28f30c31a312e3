/** Notifications and e-mail: what the API, the web and the command line may use (`@innspill/domain`). */
export { listOutboxEmails } from "./email";
export {
  countUnreadNotifications,
  getMyProfile,
  listNotifications,
  markNotificationsRead,
  markNotificationsReadInput,
  setEmailReminders,
  setEmailRemindersInput,
} from "./notifications";
