import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../fixtures/documents/policy-platform-helse.txt",
);

test("import the platform, edit a block with a fact and a footnote, publish with a reason, and see the diff", async ({
  page,
}) => {
  await login(page, "ingrid@nito.test");

  // Import: proposal first, nothing saved until the user confirms.
  await page.goto("/tekstblokker/import");
  await page.getByLabel("Kilde").fill("Helsepolitisk plattform 2021–2024");
  await page.getByTestId("import-file").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Lag forslag" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("Forslag: 8 tekstblokker og 34 standpunkter.");
  await expect(page.getByTestId("import-heading").first()).toHaveValue("Nok personell");
  await page.getByRole("button", { name: "Lagre i biblioteket" }).click();
  await expect(page.getByText("Lagret 8 tekstblokker og 34 standpunkter.")).toBeVisible();

  // Norwegian search finds the block by a stemmed word.
  await page.goto("/tekstblokker?q=bioingeni%C3%B8rer");
  await expect(page.getByTestId("hit-block").filter({ hasText: "Nok personell" })).toBeVisible();

  // Edit the block: a sentence with a fact and a footnote at the end.
  await page.getByRole("link", { name: "Nok personell" }).first().click();
  const editor = page.getByTestId("block-editor");
  await expect(editor).toBeVisible();
  await expect(page.getByTestId("position-list")).toContainText("Helsesektoren trenger en nasjonal plan");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("NITO har ");
  await page.getByTestId("tool-fact").click();
  const chips = await page.getByTestId("fact-chip").count();
  await page.getByTestId("fact-select").selectOption("org.memberCount");
  // Choosing inserts nothing yet (WCAG 3.2.2); «Sett inn» does.
  await expect(page.getByTestId("fact-chip")).toHaveCount(chips);
  await page.getByTestId("fact-insert").click();
  await expect(page.getByTestId("fact-chip")).toContainText("Antall medlemmer i NITO: 116");
  await editor.press("End");
  await page.keyboard.type(" medlemmer.");
  await page.getByTestId("tool-footnote").click();
  await page.getByTestId("footnote-text").fill("NITOs medlemsregister 2025");
  await page.getByTestId("footnote-insert").click();
  await expect(page.getByTestId("footnote-chip")).toHaveText("1");

  // «NITO mener»: a position found by two of its words, however many the library holds.
  await page.getByTestId("tool-positions").click();
  const picker = page.getByTestId("position-picker");
  await picker.getByTestId("position-search").fill("VIRKEMIDDEL hospitering");
  await expect(picker.getByTestId("position-option")).toHaveCount(1);
  await picker.getByTestId("position-option").check();
  await expect(picker.getByTestId("position-chosen")).toContainText("Hospitering er et viktig virkemiddel");
  await page.getByRole("button", { name: "Sett inn", exact: true }).click();
  await expect(page.getByTestId("position-list").last()).toContainText(
    "Hospitering er et viktig virkemiddel",
  );

  // Publishing needs a reason.
  await page.getByRole("button", { name: "Publiser" }).click();
  await expect(page.getByText("Skriv hvorfor du publiserer", { exact: false })).toBeVisible();
  await page.getByTestId("publish-reason").fill("La til medlemstall");
  await page.getByRole("button", { name: "Publiser" }).click();
  await expect(page.getByText("Publisert som versjon 2.")).toBeVisible();
  const diff = page.getByTestId("block-diff");
  await expect(diff).toBeVisible();
  await expect(diff.locator("ins").filter({ hasText: "medlemmer" })).toBeVisible();
  await expect(page.getByTestId("block-versions")).toContainText("La til medlemstall");
});

test("retire a position and name its replacement, found by searching", async ({ page }) => {
  await login(page, "ingrid@nito.test");
  await page.goto("/standpunkter");
  await page.getByRole("link", { name: /Strukturerte og standardiserte kodeverk/ }).click();
  // The register's search form has a status filter too: wait for the position's own form.
  await expect(page.getByRole("heading", { name: "Historikk" })).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "Utgått" });
  // The replacement is searched for; the position itself is never offered.
  await page.getByLabel("Erstatning (for utgåtte standpunkter)").fill("kodeverk");
  await expect(page.getByText("Ingen standpunkter passer.")).toBeVisible();
  await page.getByLabel("Erstatning (for utgåtte standpunkter)").fill("informasjonssikkerhet personvern");
  await page.getByTestId("position-option").check();
  await page.getByLabel("Begrunnelse for endringen").fill("Slått sammen med personvern");
  await page.getByRole("button", { name: "Lagre ny versjon" }).click();
  await expect(page.getByText("Lagret.")).toBeVisible();
  await expect(page.getByText("Erstattet av: Informasjonssikkerhet og personvern")).toBeVisible();
  const retired = page.url();
  await page
    .getByRole("link", { name: /Informasjonssikkerhet og personvern/ })
    .first()
    .click();
  await expect(page).not.toHaveURL(retired);
  await expect(page.getByRole("textbox", { name: "Standpunkt" })).toHaveValue(
    /^Informasjonssikkerhet og personvern/,
  );
});
