import { expect, test } from "@playwright/test";
import { PASSWORD, login } from "./helpers";
import { PORT } from "./env";

test("anonymous visitors are sent to the login page", async ({ page }) => {
  await page.goto("/horinger");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "Logg inn" })).toBeVisible();
  // The bell's count is for the signed-in only.
  const unread = await page.request.get("/api/varsler/uleste");
  expect(unread.status()).toBe(401);
  expect(await unread.json()).toEqual({ error: "Du må logge inn." });
});

test("a wrong password gets a clear Norwegian message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-post").fill("kaja@nito.test");
  await page.getByLabel("Passord").fill("feil-passord");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page.getByText("Feil e-post eller passord.")).toBeVisible();
  await expect(page.getByLabel("E-post")).toHaveValue("kaja@nito.test");
});

test("an adviser creates a hearing and sees it in the list in deadline order", async ({ page }) => {
  await login(page, "ingrid@nito.test");
  await page.getByRole("navigation").getByRole("link", { name: "Høringer", exact: true }).click();
  await page.getByRole("link", { name: "Ny høring" }).click();

  // Validation on the client, with Norwegian messages, before anything is sent.
  await page.getByRole("button", { name: "Registrer høring" }).click();
  await expect(page.getByText("Skjemaet har feil. Rett opp feltene som er merket.")).toBeVisible();
  await expect(page.getByText("Må fylles ut.").first()).toBeVisible();

  const title = `Høring – e2e ${Date.now()}`;
  await page.getByLabel("Tittel").fill(title);
  await page.getByLabel("Avsender (høringsinstans)").selectOption({ label: "Helsedirektoratet" });
  await page.getByLabel("Type").selectOption({ label: "Høring" });
  // A deadline already passed is allowed, but said.
  await page.getByLabel("Høringsfrist").fill("2020-01-15");
  await expect(page.getByTestId("deadline-passed")).toContainText("Fristen er allerede passert");
  const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Høringsfrist").fill(deadline);
  await expect(page.getByTestId("deadline-passed")).toHaveCount(0);
  await page.getByLabel("Ansvarlig rådgiver").selectOption({ label: "Ingrid Solberg" });
  await page.getByRole("button", { name: "Registrer høring" }).click();

  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("Registrerte høringen")).toBeVisible();

  await page.goto("/horinger");
  const rows = page.getByTestId("hearing-row");
  await expect(rows.filter({ hasText: title })).toHaveCount(1);
  const deadlines = await page
    .getByTestId("hearing-deadline")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-deadline") ?? ""));
  expect(deadlines.length).toBeGreaterThan(3);
  expect(deadlines).toEqual([...deadlines].sort());
  expect(deadlines).toContain(deadline);

  // The sort order is in the URL, so the view can be shared.
  await page.getByTestId("sort").selectOption("deadline_desc");
  await expect(page).toHaveURL(/sort=deadline_desc/);
  await expect(rows.first()).toBeVisible();
  const reversed = await page
    .getByTestId("hearing-deadline")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-deadline") ?? ""));
  expect(reversed).toEqual([...deadlines].sort().reverse());

  // Search as you type, within the filters: no Enter needed, and the sort stays. A pause mid-word starts a search,
  // held here until the next key: what was typed meanwhile stays in the field when it lands, and is searched next.
  const rsc = (url: URL) => url.searchParams.has("_rsc") && url.searchParams.get("q") === "e2";
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = () => {};
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await page.route(rsc, async (route) => {
    requested();
    await held;
    await route.continue();
  });
  await page.getByTestId("filter-q").pressSequentially("e2", { delay: 30 });
  await asked;
  await page.getByTestId("filter-q").press("e");
  release();
  await expect(page).toHaveURL(/q=e2e/);
  await expect(page.getByTestId("filter-q")).toHaveValue("e2e");
  await page.unroute(rsc);
  await expect(page).toHaveURL(/sort=deadline_desc/);
  await expect(rows.filter({ hasText: title })).toHaveCount(1);
  await expect(rows.filter({ hasNotText: "e2e" })).toHaveCount(0);
  await expect(page.getByTestId("filter-q")).toBeFocused();
});

test("an adviser cannot open Admin", async ({ page }) => {
  await login(page, "martin@nito.test");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/admin/system");
  await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
  await expect(page.getByTestId("worker-status")).toHaveCount(0);
});

test("an admin sees Systemstatus with a live worker", async ({ page }) => {
  await login(page, "admin@nito.test");
  await page.getByRole("navigation").getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: "Systemstatus" }).click();
  await expect(page.getByTestId("worker-status")).toHaveAttribute("data-alive", "true");
  await expect(page.getByTestId("worker-status").getByText("Kjører", { exact: true })).toBeVisible();
  // The worker caught up on start: the seeded overdue hearing was marked by a completed job.
  await expect(page.getByTestId("completed-hearings.mark-overdue.v1")).not.toHaveText("0");
  await page.goto("/");
  await expect(page.getByTestId("overview-overdue").getByTestId("hearing-row")).toHaveCount(1);
});

test("every page is sent with security headers, and the signing page cannot be framed", async ({
  page,
  request,
}) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image/);
  for (const url of ["/login", "/verifiser", "/api/trpc/system.ping"]) {
    const res = await request.get(url);
    const h = res.headers();
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"], url).toBe("DENY");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("same-origin");
  }
  // Pages allow only their own scripts, each response with a nonce of its own; no inline script runs.
  const policies = await Promise.all(
    [1, 2].map(async () => (await request.get("/login")).headers()["content-security-policy"]!),
  );
  for (const policy of policies) {
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
  expect(policies[0]).not.toBe(policies[1]);
  await page.goto("/login");
  // Markup injected into a page (the usual XSS) cannot run its inline handler.
  const injected = await page.evaluate(async () => {
    document.body.insertAdjacentHTML("beforeend", '<img src="x:" onerror="window.__injected = true">');
    await new Promise((r) => setTimeout(r, 300));
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(injected).toBe(false);

  // A page of another origin that frames the approval page gets nothing: the browser refuses to render it.
  await login(page, "kaja@nito.test");
  const letter = await page.request.get("/innspill");
  expect(letter.headers()["x-frame-options"]).toBe("DENY");
  await page.setContent(
    `<iframe id="f" src="http://localhost:${PORT}/login" width="400" height="300"></iframe>`,
  );
  const frame = page.frame({ url: /\/login$/ });
  const loaded = frame
    ? await frame
        .locator("body")
        .innerText()
        .catch(() => "")
    : "";
  expect(loaded).not.toContain("Logg inn");
});

test("a user changes their own password on Min profil; a wrong current one is shown at its field", async ({
  page,
}) => {
  await login(page, "martin@nito.test");
  await page.goto("/profil");
  const change = async (current: string, next: string) => {
    await page.getByLabel("Passordet du har nå").fill(current);
    await page.getByLabel("Nytt passord (minst 10 tegn)").fill(next);
    await page.getByRole("button", { name: "Bytt passord" }).click();
  };
  await change("feil-passord", "et-helt-nytt-passord");
  await expect(page.getByText("Feil passord.")).toBeVisible();
  await expect(page.getByLabel("Passordet du har nå")).toHaveAttribute("aria-invalid", "true");
  await change(PASSWORD, "et-helt-nytt-passord");
  // Every session ends, this one too: the login page says why.
  await expect(page).toHaveURL(/\/login\?passord=byttet/);
  await expect(page.getByRole("status")).toContainText("Passordet er byttet");
  await login(page, "martin@nito.test", "et-helt-nytt-passord");
  // Back to the demo password, for the specs that follow.
  await page.goto("/profil");
  await change("et-helt-nytt-passord", PASSWORD);
  await expect(page).toHaveURL(/\/login\?passord=byttet/);
});

test("a password reset by an admin ends the user's sessions at once, in every browser", async ({
  browser,
}) => {
  const open = async (email: string) => {
    const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
    const page = await context.newPage();
    await login(page, email);
    return page;
  };
  const martin = await open("martin@nito.test");
  const admin = await open("admin@nito.test");
  const resetMartin = async (password: string) => {
    await admin.goto("/admin");
    await admin
      .getByTestId("users-table")
      .getByRole("row", { name: /Martin/ })
      .getByRole("button", { name: "Nytt passord" })
      .click();
    await admin.locator("#reset-password").fill(password);
    await admin.getByRole("button", { name: "Sett passord" }).click();
    await expect(admin.getByText("Nytt passord for")).toHaveCount(0);
  };
  await martin.goto("/horinger");
  await expect(martin.getByRole("heading", { name: "Høringer" })).toBeVisible();

  await resetMartin("tilbakestilt-passord");
  // His open browser is logged out on its next step, page or API call alike.
  await martin.goto("/horinger");
  await expect(martin).toHaveURL(/\/login/);
  const api = await martin.request.get("/api/trpc/me.unreadCount", { failOnStatusCode: false });
  expect(api.status()).toBe(401);
  await login(martin, "martin@nito.test", "tilbakestilt-passord");

  // Back to the demo password, for the specs that follow.
  await resetMartin(PASSWORD);
});
