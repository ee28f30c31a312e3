import { expect, test } from "@playwright/test";
import { login } from "./helpers";

/** A message or event key left untranslated: "submission.saved", "hearing.exported", "nav.admin" … */
const RAW_KEY =
  /\b(?:submission|hearing|letter|user|position|block|signatory|fact|library|milestone|settings|issuingBody|nav|domain|errors|actions)[._][a-z][A-Za-z]+\b/;

test("no page shows an untranslated key, in Norwegian or in English", async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, "admin@nito.test");
  await page.goto("/horinger?status=alle");
  const hearing = await page
    .getByTestId("hearing-row")
    .first()
    .getByRole("link")
    .first()
    .getAttribute("href");
  const pages = [
    "/",
    "/horinger",
    hearing!,
    "/innspill",
    "/innspill/importer",
    "/standpunkter",
    "/tekstblokker",
    "/fakta",
    "/innsikt",
    "/varsler",
    "/profil",
    "/admin",
    "/admin/avsendere",
    "/admin/innstillinger",
    "/admin/underskrivere",
    "/admin/utboks",
    "/admin/arkiv",
    "/admin/system",
    "/verifiser",
  ];
  for (const language of ["Norsk bokmål", "English"]) {
    for (const url of pages) {
      await page.goto(url);
      // Until the page has its data (no «Laster …» / "Loading …" left).
      await page
        .waitForFunction(() => !/Laster …|Loading …/.test(document.body.innerText), null, { timeout: 10_000 })
        .catch(() => undefined);
      const text = await page.locator("body").innerText();
      expect(text.match(RAW_KEY)?.[0] ?? null, `${url} (${language})`).toBeNull();
    }
    // Switch language for the second round (the button names the other language).
    if (language === "Norsk bokmål") {
      await page.goto("/profil");
      await page.getByRole("button", { name: "English" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(/profile/i);
    }
  }
  // Back to Norwegian for the specs that follow.
  await page.goto("/profil");
  await page.getByRole("button", { name: "Norsk bokmål" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Min profil");
});
