import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

/**
 * The route handlers over real HTTP, with generated paths, query strings and bodies (well-formed ids of nothing,
 * junk, traversal, control characters, wrong content types, random bytes), logged in and anonymous: not one answer
 * may be a 500. The tRPC procedures get 10 000 cases of their own (packages/api/src/fuzz.int.test.ts).
 */
const RUNS = 400;

const idLike = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    "00000000-0000-0000-0000-000000000000",
    "ikke-en-id",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "x".repeat(3000),
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
const query = fc.dictionary(fc.constantFrom("from", "to", "del", "q", "id"), fc.string({ maxLength: 30 }), {
  maxKeys: 3,
});
const body = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)),
  fc.string({ maxLength: 2000 }).map((s) => Buffer.from(s)),
  fc.constant(Buffer.from('{"0":{"json":{"a":'.repeat(2000))),
  fc.constant(
    Buffer.from(
      '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n',
    ),
  ),
);
const contentType = fc.constantFrom(
  "application/json",
  "multipart/form-data; boundary=x",
  "multipart/form-data",
  "text/plain",
  "application/octet-stream",
);

const request = fc.oneof(
  fc.record({ method: fc.constant("GET"), path: idLike.map((id) => `/api/documents/${id}`) }),
  fc.record({ method: fc.constant("GET"), path: idLike.map((id) => `/api/horinger/${id}/arkiv`) }),
  fc.record({ method: fc.constant("GET"), path: idLike.map((id) => `/api/horinger/${id}/historikk`) }),
  fc.record({
    method: fc.constant("GET"),
    path: fc
      .tuple(idLike, fc.constantFrom("pdf", "docx", "exe", ""))
      .map(([id, k]) => `/api/innspill/${id}/${k}`),
  }),
  fc.record({ method: fc.constant("GET"), path: idLike.map((id) => `/api/innspill/signert/${id}`) }),
  fc.record({
    method: fc.constant("GET"),
    path: fc
      .tuple(idLike, fc.constantFrom("pdf", "docx", "exe", ""))
      .map(([id, k]) => `/api/innsikt/gjennomslag/${id}/${k}`),
  }),
  fc.record({ method: fc.constant("GET"), path: idLike.map((id) => `/api/calendar/${id}.ics`) }),
  fc.record({ method: fc.constant("GET"), path: fc.constant("/api/arkiv") }),
  fc.record({ method: fc.constantFrom("GET", "POST"), path: fc.constant("/api/varsler/uleste") }),
  fc.record({ method: fc.constantFrom("GET", "POST"), path: fc.constant("/api/health") }),
  fc.record({ method: fc.constant("POST"), path: fc.constant("/api/verifiser") }),
  fc.record({ method: fc.constant("POST"), path: idLike.map((id) => `/api/hearings/${id}/documents`) }),
  fc.record({
    method: fc.constantFrom("GET", "POST"),
    path: fc
      .constantFrom("hearing.create", "hearing.byId", "me.markRead", "nope.nope", "library.search")
      .map((p) => `/api/trpc/${p}`),
  }),
);

test(`${RUNS} generated requests to the route handlers, logged in and not, and not one 500`, async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await login(page, "ingrid@nito.test");
  const anonymous = await playwright.request.newContext({ baseURL });
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(request, query, body, contentType, fc.boolean(), async (r, q, data, type, loggedIn) => {
      const url = `${r.path}${Object.keys(q).length ? `?${new URLSearchParams(q)}` : ""}`;
      const client = loggedIn ? page.request : anonymous;
      const res = await client.fetch(url, {
        method: r.method,
        headers: { "content-type": type },
        ...(r.method === "POST" ? { data } : {}),
        failOnStatusCode: false,
        maxRedirects: 0,
      });
      statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
      expect(res.status(), `${r.method} ${url}`).toBeLessThan(500);
    }),
    { numRuns: RUNS },
  );
  console.log(`route fuzz: ${RUNS} requests; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  await anonymous.dispose();
});
