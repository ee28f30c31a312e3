import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const HEARING = "Høring – Helsepersonellplan 2040";

test("a save from a stale version shows the newer values and keeps what the user typed", async ({
  browser,
}) => {
  const ingrid = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await login(ingrid, "ingrid@nito.test");
  await login(admin, "admin@nito.test");

  for (const page of [ingrid, admin]) {
    // All statuses: an earlier spec may have sent this hearing's letter.
    await page.goto("/horinger?status=alle");
    await page.getByRole("link", { name: HEARING }).click();
    await page.getByRole("link", { name: "Rediger" }).click();
    await expect(page.getByLabel("Tittel")).toHaveValue(HEARING);
  }

  // The admin saves first.
  await admin.getByLabel("Vår referanse").fill("26/99999");
  // The hearing page's heading, exactly: the edit page's «Rediger: …» contains it too.
  await admin.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(admin.getByRole("heading", { name: HEARING, exact: true })).toBeVisible();

  // Ingrid, still on the version she opened, saves her own change.
  await ingrid.getByLabel("Sammendrag").fill("Ingrids nye sammendrag");
  await ingrid.getByRole("button", { name: "Lagre", exact: true }).click();
  const conflict = ingrid.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId("conflict-theirs-ourReference")).toHaveText("26/99999");
  await expect(ingrid.getByLabel("Sammendrag")).toHaveValue("Ingrids nye sammendrag");

  // She takes the saved values for the rest, keeps her summary, and saves.
  await ingrid.getByRole("button", { name: "Bruk de lagrede verdiene" }).click();
  await ingrid.getByLabel("Sammendrag").fill("Ingrids nye sammendrag");
  await ingrid.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(ingrid.getByRole("heading", { name: HEARING, exact: true })).toBeVisible();
  await expect(ingrid.getByText("Ingrids nye sammendrag")).toBeVisible();
  await expect(ingrid.getByText("26/99999")).toBeVisible();
});

test("what is typed into a new hearing survives a reload", async ({ page }) => {
  await login(page, "martin@nito.test");
  await page.goto("/horinger/ny");
  await page.getByLabel("Tittel").fill("Halvferdig registrering");
  await page.getByLabel("Sammendrag").fill("Skrevet før nettleseren krasjet");
  await page.reload();
  await expect(page.getByText(/Vi fant et ulagret utkast/)).toBeVisible();
  await expect(page.getByLabel("Tittel")).toHaveValue("Halvferdig registrering");
  await expect(page.getByLabel("Sammendrag")).toHaveValue("Skrevet før nettleseren krasjet");
  await page.getByRole("button", { name: "Forkast utkastet" }).click();
  await expect(page.getByLabel("Tittel")).toHaveValue("");
});

test("a draft kept in the browser belongs to its user, and logging out clears it", async ({ page }) => {
  await login(page, "martin@nito.test");
  await page.goto("/horinger/ny");
  await page.getByLabel("Tittel").fill("Martins halvferdige høring");
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("innspill:"))))
    .toHaveLength(1);
  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("innspill:"))),
  ).toEqual([]);

  // The next person on this computer starts with an empty form.
  await login(page, "ingrid@nito.test");
  await page.goto("/horinger/ny");
  await expect(page.getByLabel("Tittel")).toHaveValue("");
  await expect(page.getByText(/Vi fant et ulagret utkast/)).toHaveCount(0);
});
