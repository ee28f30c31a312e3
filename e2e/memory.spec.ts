import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, login, registerHearing } from "./helpers";

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    viewport: { width: 1400, height: 2000 },
  });
  const page = await context.newPage();
  await login(page, email);
  return page;
}

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
  await free.getByRole("textbox", { name: /Overskrift$/ }).fill("Utdanning");
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
  await expect(found).toHaveCount(1, { timeout: 15_000 });
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

  // The same letter also says the position: the two sentences contradict each other, warned of as one conflict.
  await page.keyboard.press("Enter");
  await page.keyboard.type("Ortopediingeniører må ha en toårig turnustjeneste med finansiering.");
  const negates = warnings.locator('[data-kind="conflict-negates"]');
  await expect(negates).toBeVisible();
  await expect(negates.getByTestId("conflict-said")).toContainText("må ha en toårig turnustjeneste");
  await expect(negates.getByTestId("conflict-against")).toContainText(
    "skal ikke ha en toårig turnustjeneste",
  );
  await expect(warnings.locator('[data-kind="contradicts"]')).toHaveCount(0);

  // The retired position again, next to the replacement already in the letter: the letter argues both lines.
  await page.keyboard.press("Enter");
  await page.keyboard.type("Laboratoriene må få moderne IT-systemer.");
  const replaced = warnings.locator('[data-kind="conflict-replaced"]');
  await expect(replaced.getByTestId("conflict-said")).toContainText("moderne IT-systemer");
  await expect(replaced.getByTestId("conflict-against")).toContainText(
    "Laboratoriedatasystemer må kommunisere",
  );
  // Strike the replacement's sentence instead (the other choice): the retired one remains, warned of with its fix.
  await replaced
    .getByTestId("conflict-against")
    .getByRole("button", { name: "Stryk denne setningen" })
    .click();
  await expect(free.getByTestId("block-editor")).not.toContainText("Laboratoriedatasystemer må kommunisere");
  await expect(replaced).toHaveCount(0);
  await expect(warnings.locator('[data-kind="retired"]')).toContainText("moderne IT-systemer");

  // Put up for approval as it stands: the approval page shows the conflict and the retired position, with the way
  // to fix them in the composer.
  await page
    .getByTestId("add-signatory")
    .selectOption({ label: "Kaja Marienborg — Fagstyreleder, NITO BFI" });
  await expect(page.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  const letterUrl = page.url();
  const status = page.getByTestId("workflow-status");
  await page.getByRole("button", { name: "Send til gjennomgang" }).click();
  await expect(status).toHaveAttribute("data-status", "IN_REVIEW");
  await page.getByTestId("request-approval").click();
  await expect(status).toHaveAttribute("data-status", "AWAITING_APPROVAL");
  await page.goto(`${letterUrl}/godkjenning`);
  const onApproval = page.getByTestId("approval-memory-warnings");
  await expect(onApproval.locator('[data-kind="conflict-negates"]')).toContainText(
    "skal ikke ha en toårig turnustjeneste",
  );
  await expect(onApproval.locator('[data-kind="retired"]')).toContainText(
    "Erstattet av: «Laboratoriedatasystemer må kommunisere sømløst",
  );
  await onApproval.getByRole("link", { name: "Stryk en av setningene i brevet" }).click();
  await expect(page).toHaveURL(letterUrl);

  // In the composer, the fix strikes the sentence against the position; the position stays, linkable.
  const negatesAgain = page.getByTestId("memory-warnings").locator('[data-kind="conflict-negates"]');
  await negatesAgain
    .getByTestId("conflict-against")
    .getByRole("button", { name: "Stryk denne setningen" })
    .click();
  // The section after a reload shows its text until it is opened for editing.
  const editor = page.getByTestId("section").last();
  await expect(editor).not.toContainText("skal ikke ha en toårig");
  await expect(editor).toContainText("Ortopediingeniører må ha en toårig turnustjeneste med finansiering.");
  await expect(negatesAgain).toHaveCount(0);
  await expect(page.getByTestId("recognitions")).toContainText("Ortopediingeniører må ha en toårig");
  await expect(page.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
});

test("a sent letter's outcome is recorded, shown, counted in Innsikt, and the year's report downloads as PDF/A and DOCX", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const adviser = await as(browser, "ingrid@nito.test");
  const kaja = await as(browser, "kaja@nito.test");
  const hearingTitle = "Høring – turnus for ortopediingeniører (gjennomslag)";
  await registerHearing(adviser, hearingTitle);
  const hearingUrl = adviser.url();
  await adviser.getByTestId("start-submission").click();
  await expect(adviser).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const letterUrl = adviser.url();

  // The adviser writes the position in her own words and links it.
  await adviser.getByTestId("add-free-text").click();
  const free = adviser.getByTestId("section").last();
  await free.getByRole("textbox", { name: /Overskrift$/ }).fill("Turnus");
  await free.getByTestId("block-editor").click();
  await adviser.keyboard.type(
    "NITO mener at ortopediingeniører må ha en toårig turnustjeneste med finansiering.",
  );
  const found = adviser
    .getByTestId("recognitions")
    .locator("li")
    .filter({ hasText: "Ortopediingeniører må ha en toårig turnustjeneste med finansiering." });
  await expect(found).toHaveCount(1, { timeout: 15_000 });
  await found.getByRole("button", { name: "Koble til standpunktet" }).click();
  await expect(found).toHaveAttribute("data-linked", "true");
  await adviser
    .getByTestId("add-signatory")
    .selectOption({ label: "Kaja Marienborg — Fagstyreleder, NITO BFI" });
  await expect(adviser.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });

  // Review, approval and signing by the leader; the adviser records the sending.
  const status = adviser.getByTestId("workflow-status");
  await adviser.getByRole("button", { name: "Send til gjennomgang" }).click();
  await expect(status).toHaveAttribute("data-status", "IN_REVIEW");
  await adviser.getByTestId("request-approval").click();
  await expect(status).toHaveAttribute("data-status", "AWAITING_APPROVAL");
  await kaja.goto(`${letterUrl}/godkjenning`);
  await kaja.getByTestId("approve").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "APPROVED");
  await kaja.getByTestId("sign-password").fill(PASSWORD);
  await kaja.getByTestId("sign").click();
  await expect(kaja.getByTestId("download-signed")).toBeVisible({ timeout: 30_000 });
  await adviser.goto(letterUrl);
  await adviser.locator("#sent-recipient").fill("Helsedirektoratet");
  await adviser.getByRole("button", { name: "Marker som sendt" }).click();
  await expect(status).toHaveAttribute("data-status", "SENT");

  // On the hearing page, the outcome of the position the letter argued, with its source.
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" });
  const year = today.slice(0, 4);
  const source = `Prop. 12 S (${year}) Tiltak for turnus`;
  await adviser.goto(hearingUrl);
  const outcome = adviser
    .getByTestId("outcomes")
    .locator("li")
    .filter({ hasText: "Ortopediingeniører må ha en toårig turnustjeneste" });
  await outcome.getByRole("button", { name: "Utfall" }).click();
  await outcome.getByLabel("Utfall").selectOption({ label: "Gjennomslag" });
  await outcome.getByLabel("Dato").fill(today);
  await outcome.getByLabel("Kilde (tittel)").fill(source);
  await outcome.getByLabel("Kildens adresse").fill("https://www.regjeringen.no/no/dokumenter/prop-12-s/id99");
  await outcome.getByRole("button", { name: "Lagre utfall" }).click();
  await expect(outcome).toContainText("Gjennomslag");
  await expect(outcome.getByRole("link", { name: source })).toBeVisible();

  // The position's page shows its record across letters.
  await outcome.getByRole("link", { name: "Ortopediingeniører må ha en toårig turnustjeneste" }).click();
  await expect(adviser.getByTestId("position-outcomes")).toContainText(hearingTitle);
  await expect(adviser.getByTestId("position-outcomes")).toContainText(source);

  // Innsikt counts it per topic, issuing body, position and year, and makes the year's report.
  await kaja.goto("/innsikt");
  const insight = kaja.getByTestId("outcome-insight");
  await expect(insight.getByTestId("outcomes-per-topic")).toContainText("helse");
  await expect(insight.getByTestId("outcomes-per-body")).toContainText("Helsedirektoratet");
  const row = insight
    .getByTestId("outcomes-per-position")
    .locator("tr")
    .filter({ hasText: "Ortopediingeniører" });
  await expect(row).toContainText(`Over tid (gjennomslag av registrerte): ${year}: 1/1`);
  await expect(insight.getByTestId("outcomes-per-year")).toContainText(year);
  await expect(insight.getByTestId("outcome-report")).toContainText(source);
  await insight.getByRole("button", { name: "Lag rapporten som PDF/A og DOCX" }).click();
  const pdfLink = insight.getByTestId("report-pdf");
  await expect(pdfLink).toBeVisible({ timeout: 30_000 });

  const [pdfDownload] = await Promise.all([kaja.waitForEvent("download"), pdfLink.click()]);
  expect(pdfDownload.suggestedFilename()).toBe(`Politiske gjennomslag ${year}.pdf`);
  const pdfPath = (await pdfDownload.path())!;
  const pdf = readFileSync(pdfPath).toString("latin1");
  // PDF/A-2b, as the archive reads it (pdfaLevel in the domain's noark/formats.ts).
  expect(pdf).toMatch(/pdfaid:part(?:="|>)\s*2/);
  expect(pdf).toMatch(/pdfaid:conformance(?:="|>)\s*B/);
  const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", pdfPath, "-"])
    .toString("utf8")
    .replace(/\s+/g, " ");
  expect(pdfText).toContain(`Politiske gjennomslag ${year}`);
  expect(pdfText).toContain("Ortopediingeniører må ha en toårig turnustjeneste med finansiering.");
  expect(pdfText).toContain(source);

  const [docxDownload] = await Promise.all([
    kaja.waitForEvent("download"),
    insight.getByTestId("report-docx").click(),
  ]);
  expect(docxDownload.suggestedFilename()).toBe(`Politiske gjennomslag ${year}.docx`);
  const xml = execFileSync("unzip", ["-p", (await docxDownload.path())!, "word/document.xml"]).toString(
    "utf8",
  );
  const docxText = xml.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
  expect(docxText).toContain("Ortopediingeniører må ha en toårig turnustjeneste med finansiering.");
  expect(docxText).toContain(source);

  // Without a session the files are refused.
  const href = (await pdfLink.getAttribute("href"))!;
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL(href, kaja.url()).toString())).status()).toBe(401);
  await anonymous.close();
});

test("Innsikt has its «what came of it» section", async ({ page }) => {
  await login(page, "kaja@nito.test");
  await page.goto("/innsikt");
  await expect(page.getByRole("heading", { name: "Hva kom ut av det" })).toBeVisible();
  await expect(page.getByTestId("outcome-insight")).toContainText("Politiske gjennomslag");
});
