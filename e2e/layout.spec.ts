import { expect, test } from "@playwright/test";
import { login, registerHearing } from "./helpers";

/** A common laptop: 1366 × 900. */
test.use({ viewport: { width: 1366, height: 900 } });

test("at 1366 px the header is one row of tools, and the composer's A4 preview fits its column", async ({
  page,
}) => {
  await login(page, "admin@nito.test");
  // «Logg ut» on the first row with the name, not alone on a second one.
  const name = page.locator('header a[href="/"]').first();
  const logout = page.locator("header").getByRole("button", { name: "Logg ut" });
  const [a, b] = [(await name.boundingBox())!, (await logout.boundingBox())!];
  expect(Math.abs(a.y + a.height / 2 - (b.y + b.height / 2))).toBeLessThan(8);
  // The navigation has a row of its own, in one line.
  const links = page.getByRole("navigation", { name: "Meny" }).getByRole("link");
  const tops = new Set(
    await links.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top))),
  );
  expect(tops.size).toBe(1);

  await page.goto("/innspill");
  await page
    .getByRole("link", { name: /Høringssvar/ })
    .first()
    .click();
  const preview = page.getByTestId("preview");
  await expect(preview.locator(".letter")).toBeVisible();
  // Scaled to its column (was: a 605 px page in a 516 px column, cut off and scrolled sideways).
  await expect(preview).not.toHaveAttribute("data-scale", "1");
  const { scrollWidth, clientWidth } = await preview.evaluate((e) => ({
    scrollWidth: e.scrollWidth,
    clientWidth: e.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
});

test("the new-hearing form does not say «Lagrer …» while it loads; a double click on «Start innspill» throws nothing", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await login(page, "ingrid@nito.test");
  // The form's choices come slowly: it says it is loading, not saving.
  await page.route("**/api/trpc/**hearing.formOptions**", async (route) => {
    await new Promise((r) => setTimeout(r, 1_500));
    await route.continue();
  });
  await page.goto("/horinger/ny");
  await expect(page.getByText("Lagrer …")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Registrer høring" })).toBeVisible();
  await page.unroute("**/api/trpc/**hearing.formOptions**");

  await registerHearing(page, `Høring – dobbeltklikk på start ${Date.now()}`);
  await page.getByTestId("start-submission").dblclick();
  await expect(page).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("workflow-status")).toBeVisible();
  expect(errors).toEqual([]);
});

test("on a phone, Escape closes «Meny» and gives the focus back to its button", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "nb-NO",
  });
  const page = await context.newPage();
  await login(page, "ingrid@nito.test");
  const toggle = page.getByTestId("menu-toggle");
  const nav = page.getByRole("navigation", { name: "Meny" });
  // Pressed again until the page's script answers it (the page shows before it is hydrated).
  await expect(async () => {
    await toggle.focus();
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await page.keyboard.press("Enter");
    await expect(nav).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link").first().focus();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(toggle).toBeFocused();
  await context.close();
});
