/**
 * Two database roles: an owner that runs the migrations and owns every table, and the app's role, which the web
 * server and the worker connect as. The app's role reads and writes rows but owns nothing, so it cannot alter a
 * table: the triggers that keep signatures, approvals, audit events, stored files and library versions immutable
 * hold against the app's own credentials.
 */
import pgDriver from "pg";

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

function checkRole(role: string) {
  if (!ROLE_NAME.test(role)) {
    throw new Error(`Ugyldig rollenavn «${role}»: bruk små bokstaver, tall og _ (høyst 63 tegn).`);
  }
}

async function withClient<T>(url: string, fn: (client: pgDriver.Client) => Promise<T>): Promise<T> {
  const client = new pgDriver.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a login role, or sets its password when it exists (needs a role that may create roles). */
export async function ensureLoginRole(adminUrl: string, role: string, password: string): Promise<void> {
  checkRole(role);
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const literal = (await client.query<{ q: string }>("SELECT quote_literal($1) AS q", [password])).rows[0]!
      .q;
    await client.query(
      `${rowCount ? "ALTER" : "CREATE"} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${literal}`,
    );
  });
}

/**
 * Gives `role` what the app needs and nothing more, on the database `ownerUrl` points at (run as the owner, after
 * the migrations): rows of every table in `public` and in the job queue's schema, but no DDL, and only reading of
 * the migration history. Idempotent; run after every migration.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  checkRole(role);
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ owns: boolean; superuser: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1) AS owns,
              (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS superuser`,
      [role],
    );
    if (rows[0]?.owns || rows[0]?.superuser) {
      throw new Error(
        `Rollen «${role}» eier tabeller eller er superbruker: appen må koble til med en rolle som ikke eier tabellene.`,
      );
    }
    const r = ident(role);
    await client.query("BEGIN");
    for (const schema of ["public", "pgboss"]) {
      const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
      if (!rowCount) continue;
      const s = ident(schema);
      await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r}`);
    }
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${r}`);
    await client.query("COMMIT");
  });
}
