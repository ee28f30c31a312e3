export * from "./actor";
export * from "./access";
export * from "./jobs";
export * from "./audit";
export * from "./calendar";
export * from "./dates";
export * from "./email";
export * from "./errors";
export * from "./issuing-bodies";
export * from "./library/index";
export * from "./messages";
export * from "./notifications";
export * from "./reminders";
export * from "./settings";
export * from "./validation";
export * from "./workdays";
export * from "./hearings/index";
export * from "./hearings/attachments";
export * from "./hearings/maintenance";
export {
  calendarMonthInput,
  countDecisionsByQuarter,
  getCalendarMonth,
  getOverview,
} from "./hearings/overview";
export * from "./users/index";
export * from "./system/index";
export * from "./submissions/index";
export { seedDemoContent } from "./demo";
export * from "./imports/index";
export * from "./noark/index";
