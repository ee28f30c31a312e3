import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../fixtures/documents/submission-2020-statsbudsjett-2021.txt",
);

// Runs after library.spec.ts, which imported the policy platform into the library.
test("import a sent letter, confirm its links, and find it in the position's history", async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, "ingrid@nito.test");
  await page.goto("/innspill");
  await page.getByTestId("import-letter").click();
  await page.getByTestId("import-file").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Lag forslag" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("3 deler, 3 fotnoter, 5 standpunkter funnet.");

  // The recruitment statement is found in the library, reworded; its link is proposed and kept.
  const statement = page
    .getByTestId("import-statement")
    .filter({ hasText: "NITO etterlyser en nasjonal plan" });
  await expect(statement).toContainText("omformulert");
  await expect(statement).toContainText("Helsesektoren trenger en nasjonal plan for rekruttering");
  await expect(statement.getByTestId("link-position")).toBeChecked();

  // The letter has no date line: the user gives it, and a historical hearing for it.
  await page.getByTestId("import-date").fill("2020-10-15");
  await page.getByLabel("Tittel på høringen").fill("Statsbudsjettet 2021");
  await page.getByTestId("import-body").selectOption({ label: "Finansdepartementet" });
  await page.getByTestId("import-save").click();
  await expect(page).toHaveURL(/\/horinger\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Statsbudsjettet 2021" })).toBeVisible();

  // "When did we last say this, and to whom?" — on the position.
  await page.goto("/standpunkter");
  await page
    .getByRole("link", { name: /Helsesektoren trenger en nasjonal plan for rekruttering/ })
    .first()
    .click();
  const usage = page.getByTestId("position-usage").first();
  await expect(usage).toContainText("15. oktober 2020");
  await expect(usage).toContainText("Importert brev");
  await expect(usage).toContainText("Finansdepartementet");
  await expect(usage.getByRole("link", { name: "Statsbudsjettet 2021" })).toBeVisible();
  await expect(usage).toContainText("NITO etterlyser en nasjonal plan for rekruttering");

  // Innsikt counts the use, and draws it.
  await page.goto("/innsikt");
  await expect(page.getByTestId("insight-positions")).toContainText("Helsesektoren trenger en nasjonal plan");
  await expect(page.getByTestId("chart-topics").getByRole("application")).toBeVisible();
  await expect(page.getByTestId("chart-decisions").getByRole("application")).toBeVisible();
  await expect(
    page.getByTestId("chart-decisions").getByRole("img", { name: "Svarer ikke legend icon" }),
  ).toBeVisible();
});
