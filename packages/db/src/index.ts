export { createDb, getDb, type Db, type DbTx } from "./client";
export { Prisma } from "./generated/client";
export * from "./generated/enums";
export type {
  AuditEvent,
  Hearing,
  IssuingBody,
  LoginAttempt,
  Organisation,
  User,
  WorkerHeartbeat,
} from "./generated/client";
