/** `npm run db:generate` and friends: the Prisma CLI with this project's settings (see packages/db/src/migrate.ts). */
import { runPrismaCli } from "@innspill/db/migrate";

const res = await runPrismaCli(process.argv.slice(2));
process.exit(res.code);
