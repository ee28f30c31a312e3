/** Hearings: the register and its queries, decisions and the status workflow, milestones, history. */
export * from "./constants";
export * from "./schemas";
export * from "./milestones";
export * from "./workflow";
export * from "./views";
export * from "./queries";
export { createHearing, updateHearing } from "./register";
export * from "./decisions";
export * from "./milestone-updates";
export * from "./history";
export { markOverdueHearings } from "./maintenance";
