import { expect, test } from "@playwright/test";
import { manyPagesPdf, plainDocx, zipBombDocx } from "@innspill/domain/hostile-files";
import { login } from "./helpers";

test("a zip-bomb DOCX and a 10 000-page PDF are refused with a clear message, and the server keeps serving", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await login(page, "ingrid@nito.test");
  await page.goto("/innspill/importer");
  const upload = async (name: string, mimeType: string, buffer: Buffer) => {
    await page.getByTestId("import-file").setInputFiles({ name, mimeType, buffer });
    await page.getByRole("button", { name: "Lag forslag" }).click();
  };

  // A «letter» of a few hundred KB that unpacks to a gigabyte.
  await upload(
    "brev.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    zipBombDocx(1024),
  );
  await expect(page.getByText("Filen er for stor eller for tung å lese")).toBeVisible({ timeout: 30_000 });

  await upload("brev.pdf", "application/pdf", manyPagesPdf(10_000));
  await expect(page.getByText("PDF-en har over 300 sider.")).toBeVisible({ timeout: 30_000 });

  // An honest DOCX is read as before (in its own thread).
  await upload(
    "brev.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    plainDocx(["Oslo, 1. desember 2026", "Høringssvar – prøvebrev", "NITO mener at prøven må bestås."]),
  );
  await expect(page.getByTestId("import-proposal")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-proposal")).toContainText("NITO mener at prøven må bestås.");

  // Still serving, for this user and everyone else.
  await page.goto("/horinger");
  await expect(page.getByRole("heading", { name: "Høringer" })).toBeVisible();
});
