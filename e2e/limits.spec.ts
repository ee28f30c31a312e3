import http from "node:http";
import { expect, test } from "@playwright/test";
import { PORT } from "./env";
import { login } from "./helpers";
import { residentMbOnPort } from "./process-memory";

const MB = 1024 * 1024;

/**
 * Streams `totalMb` of `a` as a chunked body (no Content-Length) and reports what the server answered and how much
 * had been sent when the answer came.
 */
function sendChunked(
  baseURL: string,
  path: string,
  headers: Record<string, string>,
  totalMb: number,
): Promise<{ status: number; sentMb: number; body: string }> {
  const url = new URL(path, baseURL);
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, {
      method: "POST",
      headers: { ...headers, "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      answered = true;
      const sentMb = sent / MB;
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, sentMb, body }));
      res.on("error", () => resolve({ status: res.statusCode ?? 0, sentMb, body }));
    });
    req.on("error", (err) => {
      if (!answered) resolve({ status: 0, sentMb: sent / MB, body: String(err) });
    });
    const chunk = Buffer.alloc(MB, 0x61);
    const write = () => {
      while (!answered && sent < totalMb * MB) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

test("a 100 MB chunked body is refused with 413 as it streams, on the public verifier, the upload, tRPC and the login endpoint", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await login(page, "ingrid@nito.test");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await page.goto("/horinger");
  await page.getByTestId("hearing-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/horinger\/[0-9a-f-]{36}$/);
  const hearingId = page.url().split("/").at(-1)!;

  const rssMb = async () => residentMbOnPort(PORT);
  const before = await rssMb();
  const cases = [
    { path: "/api/verifiser", type: "multipart/form-data; boundary=x", limit: 5 },
    { path: `/api/hearings/${hearingId}/documents`, type: "multipart/form-data; boundary=x", limit: 21 },
    { path: "/api/trpc/hearing.create", type: "application/json", limit: 32 },
    // Without logging in: the login endpoint takes a few hundred bytes.
    { path: "/api/auth/callback/credentials", type: "application/x-www-form-urlencoded", limit: 1 },
  ];
  for (const c of cases) {
    const r = await sendChunked(baseURL!, c.path, { "content-type": c.type, cookie }, 100);
    console.log(`${c.path}: ${r.status} after ${r.sentMb.toFixed(0)} MB sent`);
    expect(r.status, c.path).toBe(413);
    expect(r.body, c.path).toMatch(/for stor til å tas imot|requestTooLarge/);
    // Refused while streaming: far from all 100 MB had gone when the answer came.
    expect(r.sentMb, c.path).toBeLessThan(c.limit + 16);
  }
  // A declared Content-Length over the limit is refused before any of the body is read.
  const declared = await page.request.post("/api/verifiser", {
    headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * MB) },
    data: "x",
    failOnStatusCode: false,
  });
  expect([413, 400]).toContain(declared.status());
  // No file at all: a 400 with a message key, as every route handler answers an error.
  const empty = await page.request.post("/api/verifiser", {
    multipart: { note: "x" },
    failOnStatusCode: false,
  });
  expect(empty.status()).toBe(400);
  expect(await empty.json()).toMatchObject({ messageKey: "verifyFileMissing", message: "Velg en PDF-fil." });

  // Memory stays within a stated bound: 400 MB of refused uploads grow the web process by less than 160 MB (reading
  // them whole would take 300 MB; what grows is at most the limits' worth of buffers not yet collected).
  // Read until it holds or 20 s have passed: on a busy machine the collector runs late.
  let after = await rssMb();
  await expect
    .poll(async () => (after = await rssMb()) - before, { timeout: 20_000, intervals: [500] })
    .toBeLessThan(160);
  console.log(`web server memory: ${before} MB before, ${after} MB after four 100 MB uploads`);

  // The server keeps serving.
  await page.goto("/horinger");
  await expect(page.getByRole("heading", { name: "Høringer" })).toBeVisible();
});
