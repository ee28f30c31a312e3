export { createDb, getDb, queryRows, type Db, type DbTx } from "./client";
export { Prisma } from "./generated/client";
export * from "./generated/enums";
export type {
  AuditEvent,
  Fact,
  FactValue,
  Hearing,
  IssuingBody,
  LoginAttempt,
  Organisation,
  Position,
  PositionVersion,
  TextBlock,
  TextBlockVersion,
  User,
  WorkerHeartbeat,
} from "./generated/client";
