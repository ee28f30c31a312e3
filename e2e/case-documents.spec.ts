import { expect, test } from "@playwright/test";
import { login, registerHearing } from "./helpers";

/** A closed case takes no new documents (the page says so, the upload route refuses); an open one shows its cap. */
test("a closed case refuses uploads with a Norwegian message; an open case states its size cap", async ({
  page,
  baseURL,
}) => {
  await login(page, "ingrid@nito.test");
  // The demo's declined hearing: «svarer ikke» is a closed case.
  await page.goto("/horinger?status=alle&q=lisens");
  await page.getByRole("link", { name: /forskrift om lisens for helsepersonell/ }).click();
  await expect(page).toHaveURL(/\/horinger\/[0-9a-f-]{36}$/);
  const closedId = page.url().split("/").at(-1)!;
  await expect(page.getByTestId("documents-closed")).toHaveText(
    "Saken er avsluttet: dokumentene er sakens arkiv og kan ikke lenger legges til eller fjernes.",
  );
  await expect(page.locator('input[type="file"]')).toHaveCount(0);

  // The route refuses it too, before reading the file, with the reason in Norwegian.
  const refused = await page.request.post(`/api/hearings/${closedId}/documents`, {
    headers: { origin: baseURL! },
    multipart: {
      file: { name: "vedlegg.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n") },
    },
    failOnStatusCode: false,
  });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({
    messageKey: "caseClosedForDocuments",
    message: expect.stringMatching(/^Saken er avsluttet \(sendt, arkivert eller «svarer ikke»\)/),
  });

  // An open case: the limits are stated, an upload is stored and counted.
  await registerHearing(page, `Vedlegg ${Date.now()}`);
  await expect(page.getByText("høyst 20 MB per fil, og 200 MB til sammen i en sak")).toBeVisible();
  await expect(page.getByTestId("documents-used")).toHaveText("0,0 av 200 MB brukt i denne saken");
  await page.locator('input[type="file"]').setInputFiles({
    name: "notat.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(300 * 1024, 0x20)]),
  });
  await expect(page.getByRole("link", { name: "notat.pdf" })).toBeVisible();
  await expect(page.getByTestId("documents-used")).toHaveText("0,3 av 200 MB brukt i denne saken");
});
