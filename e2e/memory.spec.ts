import { expect, test } from "@playwright/test";
import { login, registerHearing } from "./helpers";

test.use({ viewport: { width: 1400, height: 2000 } });

test("the composer marks a restated position as the adviser types, links it, and warns with the fix", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await login(page, "ingrid@nito.test");
  await registerHearing(page, "Høring – utdanning av bioingeniører (minne)");
  await page.getByTestId("start-submission").click();
  await expect(page).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);

  await page.getByTestId("add-free-text").click();
  const free = page.getByTestId("section").last();
  await free.getByRole("textbox", { name: "Overskrift" }).fill("Utdanning");
  await free.getByTestId("block-editor").click();
  // Reworded and inflected: the library says «Det må utdannes flere bioingeniører, og studieplassene må trappes opp …».
  await page.keyboard.type(
    "Regionen mangler fagfolk. NITO mener at det må utdannes langt flere bioingeniører, og at studieplassene må trappes opp i tråd med behovet fram mot 2035.",
  );
  await page.keyboard.press("Enter");
  // Shares many of its words, says something else.
  await page.keyboard.type(
    "Bioingeniører som utdannes i dag forteller om studieplasser med behov for mer praksis.",
  );

  // Marked a moment after typing stops (a generous bound: the machine is shared).
  const found = page.getByTestId("recognitions").locator("li");
  await expect(found).toHaveCount(1, { timeout: 5_000 });
  // Labelled as the import labels it (only a few words added: the same wording).
  await expect(found).toContainText(/Samme ordlyd|Omformulert/);
  await expect(found).toContainText("Det må utdannes flere bioingeniører");
  await expect(found.locator("blockquote")).toHaveText(
    /^NITO mener at det må utdannes langt flere bioingeniører/,
  );
  await found.getByRole("button", { name: "Koble til standpunktet" }).click();
  await expect(found).toHaveAttribute("data-linked", "true");
  await expect(found.getByRole("button", { name: "Fjern koblingen" })).toBeVisible();

  // A retired position restated: the warning offers its replacement, one click away.
  await free.getByTestId("block-editor").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Laboratoriene må få moderne IT-systemer.");
  const warnings = page.getByTestId("memory-warnings");
  await expect(warnings.locator('[data-kind="retired"]')).toContainText(
    "Laboratoriedatasystemer må kommunisere sømløst",
  );
  await warnings.getByRole("button", { name: "Bruk erstatningen" }).click();
  await expect(free.getByTestId("block-editor")).toContainText(
    "Laboratoriedatasystemer må kommunisere sømløst med journalsystemer og analyseinstrumenter.",
  );
  await expect(free.getByTestId("block-editor")).not.toContainText("moderne IT-systemer");
  await expect(warnings).toHaveCount(0);

  // The opposite of a position in force.
  await free.getByTestId("block-editor").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Ortopediingeniører skal ikke ha en toårig turnustjeneste med finansiering.");
  await expect(warnings.locator('[data-kind="contradicts"]')).toContainText(
    "Ortopediingeniører må ha en toårig turnustjeneste med finansiering.",
  );
  await expect(page.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
});

test("Innsikt has its «what came of it» section", async ({ page }) => {
  await login(page, "kaja@nito.test");
  await page.goto("/innsikt");
  await expect(page.getByRole("heading", { name: "Hva kom ut av det" })).toBeVisible();
  await expect(page.getByTestId("outcome-insight")).toContainText("Politiske gjennomslag");
});
