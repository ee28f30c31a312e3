/**
 * For integration tests only: a fresh database of its own for the calling test file, cloned from the migrated
 * template that the global setup prepared on a real (embedded) PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDb, type Db } from "./client";
import { ensureDatabase } from "./embedded";

declare module "vitest" {
  export interface ProvidedContext {
    /** Maintenance database URL of the per-run embedded cluster (test-global-setup.ts). */
    pgAdminUrl: string;
    /** The migrated template each test file clones. */
    pgTemplate: string;
  }
}

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const template = inject("pgTemplate");
  const name = `test_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name, template);
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const db = createDb(url);
  return { db, url, name, close: () => db.$disconnect() };
}
