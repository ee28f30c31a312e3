import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

/** The number of rows in `testid` that contain `text`. */
const rowsWith = (page: Page, testid: string, text: string) =>
  page.getByTestId(testid).filter({ hasText: text });

test("a double click on «Registrer høring», and the same request sent twice by the network, make one hearing", async ({
  page,
}) => {
  await login(page, "ingrid@nito.test");
  const register = async (title: string) => {
    await page.goto("/horinger/ny");
    await page.getByLabel("Tittel").fill(title);
    await page.getByLabel("Avsender (høringsinstans)").selectOption({ label: "Helsedirektoratet" });
    await page.getByLabel("Type").selectOption({ label: "Høring" });
    await page
      .getByLabel("Høringsfrist")
      .fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Registrer høring" }).dblclick();
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
  };
  const once = `Høring – dobbeltklikk ${Date.now()}`;
  await register(once);

  // A connection that drops after the server answered: the browser's request reaches the server twice.
  await page.route("**/api/trpc/hearing.create**", async (route) => {
    await route.fetch();
    await route.fulfill({ response: await route.fetch() });
  });
  const twice = `Høring – sendt to ganger ${Date.now()}`;
  await register(twice);
  await page.unroute("**/api/trpc/hearing.create**");

  await page.goto("/horinger?status=alle");
  await expect(rowsWith(page, "hearing-row", once)).toHaveCount(1);
  await expect(rowsWith(page, "hearing-row", twice)).toHaveCount(1);
});

test("a double click on the admin's create forms makes one row each", async ({ page }) => {
  await login(page, "admin@nito.test");
  const stamp = Date.now();

  await page.goto("/admin/avsendere");
  const body = `Testdirektoratet ${stamp}`;
  await page.locator("#body-name").fill(body);
  await page.locator("#body-type").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Legg til avsender" }).dblclick();
  await expect(page.getByRole("cell", { name: body })).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("cell", { name: body })).toHaveCount(1);

  await page.goto("/admin");
  const email = `dobbel-${stamp}@nito.test`;
  await page.locator("#new-name").fill("Dobbel Klikk");
  await page.locator("#new-email").fill(email);
  await page.locator("#new-password").fill("et-langt-passord");
  await page.getByRole("button", { name: "Opprett bruker" }).dblclick();
  await expect(page.getByTestId("users-table").getByText(email)).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId("users-table").getByText(email)).toHaveCount(1);
});
