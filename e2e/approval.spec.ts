import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, login } from "./helpers";

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const page = await context.newPage();
  await login(page, email);
  return page;
}

test("draft, approval voided by an edit, approval again, signing in order, signed PDF and its verification", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const adviser = await as(browser, "ingrid@nito.test");
  const kaja = await as(browser, "kaja@nito.test");
  const heidi = await as(browser, "heidi@nito.test");

  // The adviser opens the demo letter, sends it for review and asks for approval.
  await adviser.goto("/innspill");
  await adviser.getByRole("link", { name: "Høringssvar – Helsepersonellplan 2040" }).click();
  await expect(adviser).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const letterUrl = adviser.url();
  const approvalUrl = `${letterUrl}/godkjenning`;
  const status = adviser.getByTestId("workflow-status");
  await adviser.getByRole("button", { name: "Send til gjennomgang" }).click();
  await expect(status).toHaveAttribute("data-status", "IN_REVIEW");
  await adviser.getByTestId("request-approval").click();
  await expect(status).toHaveAttribute("data-status", "AWAITING_APPROVAL");

  // Leader A approves.
  await kaja.goto(approvalUrl);
  await expect(kaja.getByTestId("approval-letter")).toContainText("Bioingeniører");
  await kaja.getByTestId("approve").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "APPROVED");

  // The adviser changes a word: the approval is voided and the letter is back in review.
  await adviser.reload();
  await adviser.getByTestId("letter-title").fill("Høringssvar – Helsepersonellplan 2040, rettet");
  await expect(adviser.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  await expect(status).toHaveAttribute("data-status", "IN_REVIEW");
  await kaja.reload();
  await expect(kaja.getByTestId("approvals")).toContainText("opphevet");
  await expect(kaja.getByTestId("approve")).toHaveCount(0);

  // Asked again; leader A sees what changed since she approved, and approves again.
  await adviser.getByTestId("request-approval").click();
  await expect(status).toHaveAttribute("data-status", "AWAITING_APPROVAL");
  await kaja.reload();
  await expect(kaja.getByTestId("since-last-seen")).toContainText("rettet");
  await kaja.getByTestId("approve").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "APPROVED");

  // Sequential: B cannot sign before A; the server says so.
  await heidi.goto(approvalUrl);
  await heidi.getByTestId("sign-password").fill(PASSWORD);
  await heidi.getByTestId("sign").click();
  await expect(heidi.getByText("Det er ikke din tur å signere ennå.")).toBeVisible();

  // A signs (password again), then B.
  await kaja.getByTestId("sign-password").fill(PASSWORD);
  await kaja.getByTestId("sign").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNING");
  await heidi.reload();
  await heidi.getByTestId("sign").click(); // re-authenticated a moment ago: no password needed
  await expect(heidi.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNED");

  // The worker makes the signed PDF/A; it downloads, and reads back with both signatories and the verification page.
  const download = heidi.getByTestId("download-signed");
  await expect(download).toBeVisible({ timeout: 30_000 });
  const [file] = await Promise.all([heidi.waitForEvent("download"), download.click()]);
  const path = (await file.path())!;
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"]).toString("utf8").replace(/\s+/g, " ");
  for (const s of [
    "Kaja Marienborg",
    "Fagstyreleder, NITO BFI",
    "Heidi Andersen",
    "Instituttleder, NITO BFI",
  ])
    expect(text).toContain(s);
  expect(text).toContain("Elektronisk godkjent");
  expect(text).toContain("Verifisering");

  // The adviser records the sending; the case is closed.
  await adviser.goto(letterUrl);
  await adviser.locator("#sent-on").fill(new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" }));
  await adviser.locator("#sent-recipient").fill("Helse- og omsorgsdepartementet");
  await adviser.getByRole("button", { name: "Marker som sendt" }).click();
  await expect(status).toHaveAttribute("data-status", "SENT");

  // The records office gets the closed case as a Noark 5 extract from the hearing page.
  await adviser.getByRole("link", { name: "Høring – Helsepersonellplan 2040" }).click();
  const [archive] = await Promise.all([
    adviser.waitForEvent("download"),
    adviser.getByTestId("export-archive").click(),
  ]);
  expect(archive.suggestedFilename()).toMatch(/^noark-.*\.zip$/);
  const zip = readFileSync((await archive.path())!);
  expect(zip.subarray(0, 2).toString("latin1")).toBe("PK");
  for (const name of [
    "arkivuttrekk.xml",
    "arkivstruktur.xml",
    "loependeJournal.xml",
    "addml.xsd",
    "DOKUMENT/",
  ])
    expect(zip.includes(Buffer.from(name)), name).toBe(true);

  // Anyone can check it on the verification page.
  await heidi.goto("/verifiser");
  await heidi.getByTestId("verify-file").setInputFiles({
    name: "signert.pdf",
    mimeType: "application/pdf",
    buffer: readFileSync(path),
  });
  await heidi.getByRole("button", { name: "Kontroller" }).click();
  await expect(heidi.getByTestId("verify-result")).toContainText("Signert og endelig Innspill-dokument");
  await expect(heidi.getByTestId("verify-result")).toContainText("Kaja Marienborg");

  // The same PDF with one byte changed is unknown: neither signed nor a draft.
  const changed = Buffer.from(readFileSync(path));
  changed[changed.length >> 1]! ^= 1;
  await heidi
    .getByTestId("verify-file")
    .setInputFiles({ name: "endret.pdf", mimeType: "application/pdf", buffer: changed });
  await heidi.getByRole("button", { name: "Kontroller" }).click();
  await expect(heidi.getByTestId("verify-result")).toContainText("Ukjent fil");
  await expect(heidi.getByTestId("verify-result")).not.toContainText("Kaja Marienborg");
});
