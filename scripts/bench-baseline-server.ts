/**
 * The API benchmark's baseline: a bare Node HTTP handler that runs, for `/<procedure>`, the SQL statements the real
 * request runs (recorded by bench-api.ts), one after another through `pg` on a pool of the size Prisma's adapter
 * uses, and answers their rows as JSON. No framework, no session, no ORM: what the database and the wire cost.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";
import { env } from "./env";

const statements = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Record<
  string,
  { text: string; values: unknown[] }[]
>;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });

http
  .createServer(async (req, res) => {
    const name = (req.url ?? "/").slice(1);
    if (name === "health") return res.end("ok");
    const queries = statements[name];
    if (!queries) {
      res.statusCode = 404;
      return res.end();
    }
    if (!queries.length) return res.end("[]");
    const client = await pool.connect();
    try {
      const results = [];
      for (const q of queries) results.push((await client.query(q.text, q.values)).rows);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(results));
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    } finally {
      client.release();
    }
  })
  .listen(env.PORT, "127.0.0.1");
