import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PORT } from "./env";
import { login } from "./helpers";

/**
 * Sessions end on the server, and requests from other sites are refused (issue 29), against the production build:
 * the browser and the HTTP layer are what these are about.
 */

const profile = async (request: APIRequestContext, headers: Record<string, string> = {}) => {
  const res = await request.get("/api/trpc/me.profile", { headers, failOnStatusCode: false });
  return {
    status: res.status(),
    calendarToken: res.ok()
      ? ((await res.json()) as { result: { data: { json: { calendarToken: string | null } } } }).result.data
          .json.calendarToken
      : undefined,
  };
};

const cookieHeader = async (page: Page) =>
  (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

test("a copied session cookie is refused after logout", async ({ page, browser }) => {
  await login(page, "martin@nito.test");
  const copied = await page.context().cookies();
  const cookie = await cookieHeader(page);
  expect((await profile(page.request)).status).toBe(200);

  // Sign out in the browser.
  await page.getByRole("button", { name: /Logg ut/ }).click();
  await expect(page).toHaveURL(/\/login/);

  // The copy, in another browser: no data, and the pages send it to the login.
  expect((await profile(page.request, { cookie })).status).toBe(401);
  const other = await browser.newContext();
  await other.addCookies(copied);
  const thief = await other.newPage();
  await thief.goto("/innspill");
  await expect(thief).toHaveURL(/\/login/);
  await other.close();
});

test("a state change from another site's page is refused: tRPC mutation, multipart mutation, upload", async ({
  page,
  baseURL,
}) => {
  await login(page, "ingrid@nito.test");
  const cookie = await cookieHeader(page);
  const own = baseURL!;
  const json = { "content-type": "application/json", cookie };

  // A calendar link to protect.
  const issued = await page.request.post("/api/trpc/me.issueCalendarToken", {
    headers: { ...json, origin: own },
    data: {},
  });
  expect(issued.status()).toBe(200);
  const token = (await profile(page.request)).calendarToken;
  expect(token).toBeTruthy();

  // Another site's page posts to revoke it: by Origin, by Sec-Fetch-Site, and as a form (multipart, no preflight).
  const attempts = [
    { ...json, origin: "https://evil.example" },
    { ...json, "sec-fetch-site": "cross-site" },
    { ...json, origin: `http://localhost:${PORT + 7}`, "sec-fetch-site": "same-site" },
  ];
  for (const headers of attempts) {
    const res = await page.request.post("/api/trpc/me.revokeCalendarToken", {
      headers,
      data: {},
      failOnStatusCode: false,
    });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.json()).toMatchObject({ messageKey: "crossSiteRequest" });
  }
  const form = await page.request.post("/api/trpc/me.revokeCalendarToken", {
    headers: { cookie },
    multipart: { x: "1" },
    failOnStatusCode: false,
  });
  expect(form.status()).toBe(415);
  expect((await profile(page.request)).calendarToken).toBe(token);

  // A real browser on another site (a page on another port is another origin, and the same site: the session
  // cookie goes with its requests) auto-submits a form to revoke it.
  const evil = `http://localhost:${PORT + 7}/`;
  await page.route(evil, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form id="f" method="post" enctype="multipart/form-data"
                   action="${own}/api/trpc/me.revokeCalendarToken"><input name="x" value="1"></form>
             <script>document.getElementById("f").submit()</script>`,
    }),
  );
  const answered = page.waitForResponse((r) => r.url().includes("me.revokeCalendarToken"));
  await page.goto(evil);
  expect((await answered).status()).toBe(403);
  expect((await profile(page.request)).calendarToken).toBe(token);

  // The same request from Innspill's own page does revoke it: the refusals above are about where they came from.
  const revoked = await page.request.post("/api/trpc/me.revokeCalendarToken", {
    headers: { ...json, origin: own, "sec-fetch-site": "same-origin" },
    data: {},
  });
  expect(revoked.status()).toBe(200);
  expect((await profile(page.request)).calendarToken).toBeNull();

  // An upload to a hearing from another site is refused and stores nothing; from this site it is stored.
  await page.goto("/horinger");
  await page.getByTestId("hearing-row").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/horinger\/[0-9a-f-]{36}$/);
  const hearingId = page.url().split("/").at(-1)!;
  const upload = (name: string, origin: string) =>
    page.request.post(`/api/hearings/${hearingId}/documents`, {
      headers: { cookie, origin },
      multipart: {
        file: { name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\nnotat\n%%EOF\n") },
      },
      failOnStatusCode: false,
    });
  const foreign = await upload("fremmed-opplasting.pdf", "https://evil.example");
  expect(foreign.status()).toBe(403);
  expect((await upload("egen-opplasting.pdf", own)).status()).toBe(201);
  await page.reload();
  await expect(page.getByRole("link", { name: "egen-opplasting.pdf" })).toBeVisible();
  await expect(page.getByText("fremmed-opplasting.pdf")).toHaveCount(0);
});

test("the public health answer says up and nothing more; the login limit's message names 64 kB", async ({
  request,
}) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });

  const big = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `email=a%40b.no&password=${"x".repeat(100 * 1024)}`,
    failOnStatusCode: false,
  });
  expect(big.status()).toBe(413);
  expect(((await big.json()) as { message: string }).message).toContain("Grensen er 64 kB.");
});

test("a leader logs in from her own browser while a stranger fails logins for her e-mail", async ({
  browser,
  request,
}) => {
  const email = "heidi@nito.test";
  const own = await browser.newContext();
  const page = await own.newPage();
  await login(page, email);
  await page.getByRole("button", { name: /Logg ut/ }).click();
  await expect(page).toHaveURL(/\/login/);

  // A stranger guesses at her password through the login endpoint.
  for (let i = 0; i < 8; i++) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: `gjetning-${i}`, callbackUrl: "/" },
      maxRedirects: 0,
      failOnStatusCode: false,
    });
  }

  // Another browser, even with her password, must wait …
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await stranger.goto("/login");
  await stranger.getByLabel("E-post").fill(email);
  await stranger.getByLabel("Passord").fill("innspill-demo");
  await stranger.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(stranger.getByText("For mange mislykkede forsøk")).toBeVisible();
  await other.close();

  // … while her own browser logs her in at once.
  await login(page, email);
  await own.close();
});
