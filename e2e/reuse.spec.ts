import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../fixtures/reuse/letters/2024-helsepersonellkommisjonen.txt",
);

// Runs after library.spec.ts, which imported the policy platform into the library.
test("import a sent letter, confirm its links, and find it in the position's history", async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, "ingrid@nito.test");
  await page.goto("/innspill");
  await page.getByTestId("import-letter").click();
  await page.getByTestId("import-file").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Lag forslag" }).click();
  // A chapter with its sub-sections; positions restated in prose are found; one position is new.
  await expect(page.getByTestId("import-summary")).toContainText("6 deler, 0 fotnoter;");
  // It can go to any hearing, also one answered and closed (approval.spec.ts sent this one).
  await expect(
    page.getByTestId("import-hearing").locator("option", { hasText: "Høring – Helsepersonellplan 2040 (" }),
  ).toContainText("Sendt");
  await expect(page.getByTestId("import-unit").filter({ hasText: "Bioingeniører" })).toHaveClass(/ml-6/);

  // The recruitment position, restated as a plain sentence opening a paragraph: found where it is, highlighted, and
  // its link proposed and kept.
  const statement = page
    .getByTestId("import-statement")
    .filter({ hasText: "Helsesektoren trenger en nasjonal plan for rekruttering av ulike" });
  await expect(statement).toContainText("I «Bioingeniører», avsnitt 1, setning 1");
  await expect(statement.locator("mark")).toHaveText(
    "Helsesektoren trenger en nasjonal plan for rekruttering av ingeniører og teknologer.",
  );
  await expect(statement).toContainText("omformulert");
  await expect(statement.getByTestId("link-position")).toBeChecked();
  // Two positions folded into one sentence are both found, in that sentence.
  const folded = page.getByTestId("import-statement").filter({
    has: page.locator("mark", {
      hasText: "NITO mener helsesektoren trenger en nasjonal plan for kompetanseutvikling",
    }),
  });
  await expect(folded).toHaveCount(2);
  await expect(folded.locator("em")).toHaveText([
    "«Helsesektoren trenger en nasjonal plan for kompetanseutvikling.»",
    "«Rett til fri med lønn er en viktig forutsetning for å heve kompetansen.»",
  ]);
  await expect(
    page.getByTestId("import-new-statement").filter({ hasText: "NITO mener at ortopediske hjelpemidler" }),
  ).toBeVisible();

  // The date is read from the letter; the user gives a historical hearing for it.
  await expect(page.getByTestId("import-date")).toHaveValue("2024-02-05");
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
  const usage = page.getByTestId("position-usage").filter({ hasText: "5. februar 2024" });
  await expect(usage).toContainText("5. februar 2024");
  await expect(usage).toContainText("Importert brev");
  await expect(usage).toContainText("Finansdepartementet");
  await expect(usage.getByRole("link", { name: "Statsbudsjettet 2021" })).toBeVisible();
  await expect(usage).toContainText(
    "Helsesektoren trenger en nasjonal plan for rekruttering av ingeniører og teknologer.",
  );

  // Innsikt counts the use, and draws it.
  await page.goto("/innsikt");
  await expect(page.getByTestId("insight-positions")).toContainText("Helsesektoren trenger en nasjonal plan");
  await expect(page.getByTestId("chart-topics").getByRole("application")).toBeVisible();
  await expect(page.getByTestId("chart-decisions").getByRole("application")).toBeVisible();
  await expect(
    page.getByTestId("chart-decisions").getByRole("img", { name: "Svarer ikke legend icon" }),
  ).toBeVisible();

  // The same letter again: Innspill says it holds it, links to its hearing, and saves it only when told to.
  await page.goto("/innspill");
  await page.getByTestId("import-letter").click();
  await page.getByTestId("import-file").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Lag forslag" }).click();
  const duplicate = page.getByTestId("import-duplicate");
  await expect(duplicate).toContainText("Dette brevet finnes allerede i Innspill");
  await expect(duplicate).toContainText(
    "sendt 5. februar 2024, i høringen «Statsbudsjettet 2021» – samme tekst.",
  );
  await expect(duplicate.getByRole("link", { name: "Se høringen" })).toHaveAttribute(
    "href",
    /^\/horinger\/[0-9a-f-]{36}$/,
  );
  await expect(page.getByTestId("import-save")).toBeDisabled();
  await page.getByLabel("Legg det inn en gang til likevel").check();
  await expect(page.getByTestId("import-save")).toBeEnabled();
  await page.getByRole("button", { name: "Forkast forslaget" }).click();
  await expect(duplicate).toHaveCount(0);
});
