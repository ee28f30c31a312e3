import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { login, registerHearing } from "./helpers";

test("an admin makes the period's Noark 5 extract; an empty period is explained, not downloaded", async ({
  page,
}) => {
  await login(page, "admin@nito.test");
  await page.goto("/admin/arkiv");
  await expect(page.getByRole("heading", { name: "Arkivuttrekk" })).toBeVisible();

  // A period without closed cases.
  await page.getByLabel("Fra og med").fill("1999-01-01");
  await page.getByLabel("Til og med").fill("1999-12-31");
  await page.getByTestId("archive-export").click();
  await expect(page.getByText("Ingen saker ble avsluttet i perioden")).toBeVisible();

  // This year: the demo's answered, archived and declined cases.
  // Cases close on a day in Oslo; so does the period.
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" });
  await page.getByLabel("Fra og med").fill(`${today.slice(0, 4)}-01-01`);
  await page.getByLabel("Til og med").fill(today);
  // The year has not ended: a deposit is refused, an interim extract says what it is.
  await page.getByTestId("archive-export").click();
  await expect(page.getByText("Perioden er ikke avsluttet")).toBeVisible();
  await page.getByLabel("Foreløpig uttrekk").check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("archive-export").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^noark-forelopig-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = readFileSync((await download.path())!);
  for (const name of ["arkivuttrekk.xml", "arkivstruktur.xml", "offentligJournal.xml", "endringslogg.xml"])
    expect(zip.includes(Buffer.from(`avleveringspakke/${name}`)), name).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "er lastet ned" })).toBeVisible();
});

test("a registered hearing shows its case and journal numbers, and can be screened for the public journal", async ({
  page,
}) => {
  await login(page, "ingrid@nito.test");
  const title = `Høring om varsling ${Date.now()}`;
  await registerHearing(page, title);
  // Numbered at registration: «Saksnr. 2026/12», and the hearing letter's journalpost, dated today.
  await expect(page.getByTestId("case-number-badge")).toHaveText(/^Saksnr\. \d{4}\/\d+$/);
  const caseNumber = (await page.getByTestId("case-number").textContent())!;
  expect(await page.getByTestId("case-number-badge").textContent()).toContain(caseNumber);
  await expect(page.getByTestId("journal-INN")).toContainText("journalført");

  await expect(page.getByText("Saken er ikke skjermet")).toBeVisible();
  await page.getByLabel("Hjemmel").fill("Offl. § 13 jf. fvl. § 13");
  await page.getByRole("button", { name: "Lagre skjerming" }).click();
  await expect(page.getByText("Oppgi både hjemmel og offentlig tittel")).toBeVisible();
  await page.getByLabel("Offentlig tittel").fill("Høring om ******");
  await page.getByRole("button", { name: "Lagre skjerming" }).click();
  await expect(page.getByTestId("screening")).toContainText("Høring om ******");
  // The number does not change on a reload.
  await page.reload();
  await expect(page.getByTestId("case-number")).toHaveText(caseNumber);
});
