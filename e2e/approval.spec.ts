import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, login } from "./helpers";

/** A phone: the size of an iPhone 14, touch, mobile layout. */
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 };

async function as(browser: Browser, email: string, device: object = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo", ...device });
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
  // Leader B signs from her phone.
  const heidi = await as(browser, "heidi@nito.test", PHONE);

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

  // Leader A finds it at the top of her Oversikt, waiting for her approval, and approves.
  await kaja.goto("/");
  const waiting = kaja.getByTestId("waiting-item").filter({ hasText: "Helsepersonellplan 2040" });
  await expect(waiting).toContainText("Godkjenn");
  await waiting.click();
  await expect(kaja).toHaveURL(approvalUrl);
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

  // Sequential: B cannot sign before A; the server says so. A wrong password is said at the password field.
  await heidi.goto(approvalUrl);
  await heidi.getByTestId("sign-password").fill("feil-passord");
  await heidi.getByTestId("sign").tap();
  await expect(heidi.getByTestId("sign-password-error")).toHaveText("Feil passord.");
  await expect(heidi.getByTestId("sign-password-error")).toHaveAttribute("role", "alert");
  await expect(heidi.getByTestId("sign-password")).toHaveAttribute("aria-invalid", "true");
  await heidi.getByTestId("sign-password").fill(PASSWORD);
  await heidi.getByTestId("sign").tap();
  await expect(heidi.getByText("Det er ikke din tur å signere ennå.")).toBeVisible();

  // A signs (password again), then B.
  await kaja.getByTestId("sign-password").fill(PASSWORD);
  await kaja.getByTestId("sign").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNING");

  // B, on her phone: the letter waits for her on Oversikt, and her notification opens the approval page.
  await heidi.goto("/");
  await expect(
    heidi.getByTestId("waiting-item").filter({ hasText: "Helsepersonellplan 2040, rettet" }),
  ).toContainText("Signer");
  // The navigation is behind a menu button; every page starts with its content.
  await expect(heidi.getByTestId("menu-toggle")).toBeVisible();
  await expect(heidi.getByRole("navigation", { name: "Meny" })).toBeHidden();
  expect((await heidi.locator("header").boundingBox())!.height).toBeLessThan(80);

  // From the notification to a signed letter: two taps and, when it is due, the password.
  await heidi.goto("/varsler");
  let taps = 0;
  await heidi
    .getByTestId("notification-link")
    .filter({ hasText: "Signer «Høringssvar – Helsepersonellplan 2040, rettet»" })
    .first()
    .tap();
  taps++;
  await expect(heidi).toHaveURL(approvalUrl);
  // Above the action: what she signs (title, recipient, deadline), readable without scrolling; the action bar
  // is on the screen from the start, with tap targets of at least 44 px.
  const summary = heidi.getByTestId("approval-summary");
  await expect(summary).toContainText("Helsepersonellplan 2040, rettet");
  await expect(summary).toContainText("Høringsfrist");
  await expect(summary).toBeInViewport();
  const bar = heidi.getByTestId("action-bar");
  await expect(bar).toBeInViewport({ ratio: 1 });
  const sign = heidi.getByTestId("sign");
  expect((await sign.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  const pageHeight = await heidi.evaluate(() => document.documentElement.scrollHeight);
  console.log(`phone approval page: ${pageHeight} px high; action bar visible without scrolling`);
  // Re-authenticated a moment ago: no password needed now.
  await expect(heidi.getByTestId("sign-password")).toHaveCount(0);
  await sign.tap();
  taps++;
  await expect(heidi.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNED");
  console.log(`signed from the notification in ${taps} taps`);
  expect(taps).toBeLessThanOrEqual(2);

  // In English, her notifications are in English too.
  const site = new URL("/", approvalUrl).href;
  await heidi.context().addCookies([{ name: "innspill-locale", value: "en", url: site }]);
  await heidi.goto("/varsler");
  await expect(
    heidi
      .getByTestId("notification")
      .filter({ hasText: "Sign “Høringssvar – Helsepersonellplan 2040, rettet”" }),
  ).toContainText("Kaja Marienborg has signed. It is your turn.");
  await expect(heidi.getByTestId("notifications")).not.toContainText("Signer «");
  await heidi.context().addCookies([{ name: "innspill-locale", value: "nb", url: site }]);
  await heidi.goto(approvalUrl);

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
  // The form starts from today and the letter's recipient.
  await expect(adviser.locator("#sent-on")).toHaveValue(
    new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" }),
  );
  await expect(adviser.locator("#sent-recipient")).not.toHaveValue("");
  await adviser.locator("#sent-recipient").fill("Helse- og omsorgsdepartementet");
  await adviser.getByRole("button", { name: "Marker som sendt" }).click();
  await expect(status).toHaveAttribute("data-status", "SENT");

  // The records office gets the closed case as a Noark 5 extract from the hearing page.
  await adviser.getByRole("link", { name: "Høring – Helsepersonellplan 2040" }).click();
  // The signed letter is among the hearing's documents.
  await expect(adviser.getByTestId("signed-letter")).toHaveCount(1);
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
