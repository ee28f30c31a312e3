/**
 * Admin → Innstillinger → Brevene: the organisation's logo and contact line, and a recipient with address lines, in
 * the letter an adviser composes.
 */
import { expect, test } from "@playwright/test";
import { pngImage } from "@innspill/documents/testing";
import { login, registerHearing } from "./helpers";

test("an admin gives the letters a logo and a contact line; the adviser's letter has them, and an address", async ({
  page,
  browser,
}) => {
  await login(page, "admin@nito.test");
  await page.goto("/admin/innstillinger");
  await page.getByTestId("letter-footer").fill("Lakkegata 3, 0187 Oslo · 22 05 35 00\npost@nito.no");
  await page.getByRole("button", { name: "Lagre innstillinger" }).click();
  await expect(page.getByText("Innstillingene er lagret")).toBeVisible();
  // Not an image: refused with a message, nothing saved.
  await page.getByTestId("letter-logo").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from("ikke et bilde"),
  });
  await expect(page.getByText("Logoen må være et PNG- eller JPEG-bilde.")).toBeVisible();
  await page.getByTestId("letter-logo").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: pngImage(300, 75),
  });
  await expect(page.getByTestId("letter-logo-status")).toContainText("PNG, 300 × 75 piksler");

  // The adviser's letter: logo and contact line in the preview; the recipient with its address on lines below.
  const adviser = await (await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" })).newPage();
  await login(adviser, "ingrid@nito.test");
  await registerHearing(adviser, `Høring – brevinnstillinger ${Date.now()}`);
  await adviser.getByTestId("start-submission").click();
  await expect(adviser).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  await adviser
    .getByTestId("letter-recipient")
    .fill("Helse- og omsorgsdepartementet\nPostboks 8011 Dep\n0030 Oslo");
  await expect(adviser.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  const preview = adviser.getByTestId("preview");
  await expect(preview.locator("img.logo")).toBeVisible();
  await expect(preview.locator("footer.contact")).toContainText("post@nito.no");
  await expect(preview.locator(".recipient")).toHaveText(
    /Helse- og omsorgsdepartementet\s*Postboks 8011 Dep\s*0030 Oslo/,
  );

  // Back as it was, for the tests after this one.
  await page.reload();
  await page.getByRole("button", { name: "Fjern logoen" }).click();
  await expect(page.getByTestId("letter-logo-status")).toContainText("Ingen logo");
  await page.getByTestId("letter-footer").fill("");
  await page.getByRole("button", { name: "Lagre innstillinger" }).click();
  await expect(page.getByText("Innstillingene er lagret")).toBeVisible();
});
