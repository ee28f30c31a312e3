/** Shared building blocks: what the API, the web and the command line may use (`@innspill/domain`). */
export { AppError, isAppError, toAppError } from "./errors";
export { idempotencyKeyOf, runOnce } from "./idempotency";
export { inlineJobs, type JobQueue } from "./jobs";
export { Slots } from "./slots";
