/**
 * The demo organisation, in one place: the data a fresh demo installation starts with (`data.ts`: organisation,
 * users, issuing bodies, hearings) and the content made through the use-cases (`content.ts`: library, signatories,
 * a letter). Used by `npm start` in demo mode, and by the tests (`@innspill/demo/testing`). The domain never imports it.
 */
import type { Db } from "@innspill/db";
import { seedDemoContent } from "./content";
import { seedDemoData } from "./data";
import { seedDemoRadar } from "./radar";

export { DEMO_ORG_SLUG, DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "./data";
export { seedDemoContent } from "./content";
export { seedDemoRadar } from "./radar";

/** Both parts, in order; each is idempotent. */
export async function seedDemo(db: Db) {
  const data = await seedDemoData(db);
  const content = await seedDemoContent(db);
  const radar = await seedDemoRadar(db);
  return { data, content, radar };
}
