import { expect, test, type Locator, type Page } from "@playwright/test";
import { PASSWORD } from "./helpers";

/**
 * The chain with the keyboard alone: every control is reached by focus and used with keys (typing, Enter, arrows),
 * never clicked. After each step the focus is on something that says what happened (not dropped to the page), and
 * what a screen reader would say is in a live region (role=status).
 */

/** Puts the focus on a control, as Tab would, and presses Enter. */
async function enter(control: Locator) {
  await control.focus();
  await control.press("Enter");
}

/** The accessible text of the focused element, and whether it is inside `within`. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      testid: el?.closest("[data-testid]")?.getAttribute("data-testid") ?? "",
      text: (el?.innerText ?? "").trim(),
      body: el === document.body || el === null,
    };
  });
}

async function keyboardLogin(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("E-post").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Oversikt" })).toBeVisible();
}

test("a hearing, a letter with a library block and a fact, approval and signature, with the keyboard alone", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const adviserContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const page = await adviserContext.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await keyboardLogin(page, "ingrid@nito.test");

  // Register a hearing: typed fields, the selects moved with the arrow keys, Enter to submit.
  const stamp = String(Date.now());
  const title = `Høring om tastatur ${stamp}`;
  await page.goto("/horinger/ny");
  await expect(page).toHaveTitle("Ny høring – Innspill");
  await page.getByLabel("Tittel").focus();
  await page.keyboard.type(title);
  await page.getByLabel("Avsender (høringsinstans)").selectOption({ label: "Helsedirektoratet" });
  await page.getByLabel("Type").selectOption({ label: "Høring" });
  await page.getByLabel("Høringsfrist").focus();
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Høringsfrist").fill(deadline);
  await enter(page.getByRole("button", { name: "Registrer høring" }));
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page).toHaveTitle(`${title} – Høring – Innspill`);
  const hearingUrl = page.url();

  // Start the letter from the hearing.
  await enter(page.getByTestId("start-submission"));
  await expect(page).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const letterUrl = page.url();

  // A library block: search (Enter), the count is announced, «Legg til» (Enter); the new block takes the focus.
  const search = page.getByTestId("block-search");
  await search.focus();
  await page.keyboard.type("bioingeniør");
  await page.keyboard.press("Enter");
  const hits = page.getByTestId("block-hits-status");
  await expect(hits).toHaveAttribute("role", "status");
  await expect(hits).toHaveText(/\d+ tekstblokk(er)? funnet/);
  await enter(page.getByRole("button", { name: "Legg til «Bioingeniører»" }));
  await expect(hits).toHaveText("«Bioingeniører» er lagt til nederst i brevet.");
  const block = page.getByTestId("section").last();
  await expect(block).toBeFocused();
  await expect(block).toHaveAttribute("aria-label", "Del 1: Bioingeniører");
  // Its buttons say which section they move.
  await expect(block.getByRole("button", { name: "Fjern: Bioingeniører" })).toBeVisible();

  // A free-text section with a fact: ↓ in «Velg faktum» inserts nothing; Enter does.
  await enter(page.getByTestId("add-free-text"));
  const editor = page.getByTestId("block-editor").last();
  await expect(editor).toBeFocused();
  await page.keyboard.type("NITO har ");
  await enter(page.getByTestId("tool-fact").last());
  const facts = page.getByTestId("fact-select");
  await expect(facts).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(editor.getByTestId("fact-chip")).toHaveCount(0);
  await expect(facts).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(editor.getByTestId("fact-chip")).toHaveCount(1);
  // The cursor is back in the text.
  await expect(editor).toBeFocused();
  await page.keyboard.type(" medlemmer.");
  // Escape closes an editor panel and gives the focus back to the text.
  await enter(page.getByTestId("tool-footnote").last());
  await expect(page.getByTestId("editor-panel")).toBeVisible();
  await page.getByTestId("footnote-text").focus();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("editor-panel")).toHaveCount(0);
  await expect(editor).toBeFocused();

  // Moving the block to the bottom keeps the focus on the section's move buttons.
  const up = page.getByRole("button", { name: "Flytt opp: Del 2: uten overskrift" });
  await enter(up);
  // At the top its «Flytt opp» is disabled: the focus is on «Flytt ned» of the same section.
  await expect(page.getByRole("button", { name: "Flytt ned: Del 1: uten overskrift" })).toBeFocused();

  // A signatory: the arrow keys show one, Enter adds it.
  const addSignatory = page.getByTestId("add-signatory");
  await addSignatory.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("signatories").locator("li")).toHaveCount(0);
  await addSignatory.selectOption({ label: "Kaja Marienborg — Fagstyreleder, NITO BFI" });
  await expect(page.getByTestId("signatories").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });

  // «Send til gjennomgang» and «Be om godkjenning»: the focus moves to the status, the live region says it.
  const status = page.getByTestId("workflow-status");
  const live = page.getByTestId("workflow-live");
  await enter(page.getByRole("button", { name: "Send til gjennomgang" }));
  await expect(status).toHaveAttribute("data-status", "IN_REVIEW");
  await expect(live).toHaveText("Brevet er sendt til gjennomgang.");
  await expect(live).toHaveAttribute("role", "status");
  await expect(status).toBeFocused();
  await enter(page.getByTestId("request-approval"));
  await expect(status).toHaveAttribute("data-status", "AWAITING_APPROVAL");
  await expect(live).toHaveText("Godkjenning er bedt om. Lederne er varslet.");
  await expect(status).toBeFocused();
  expect(errors).toEqual([]);

  // The leader: from Oversikt («Venter på deg») to the approval page, «Godkjenn», then «Signer» with the password.
  const leaderContext = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const leader = await leaderContext.newPage();
  leader.on("pageerror", (err) => errors.push(err.message));
  await keyboardLogin(leader, "kaja@nito.test");
  const bell = leader.getByTestId("notification-bell");
  const unreadBefore = Number(await bell.getAttribute("data-unread"));
  await enter(leader.getByTestId("waiting-item").filter({ hasText: stamp }));
  await expect(leader).toHaveURL(`${letterUrl}/godkjenning`);
  const mine = leader.getByTestId("my-status");
  await expect(mine).toHaveAttribute("role", "status");
  await expect(mine).toHaveText("Venter på din godkjenning.");
  await enter(leader.getByTestId("approve"));
  await expect(leader.getByTestId("approval-status")).toHaveAttribute("data-status", "APPROVED");
  await expect(mine).toContainText("Du har godkjent denne versjonen");
  await expect(mine).toContainText("Venter på din signatur.");
  await expect(mine).toBeFocused();
  await leader.getByTestId("sign-password").focus();
  await leader.keyboard.type(PASSWORD);
  await leader.keyboard.press("Enter");
  await expect(leader.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNED");
  await expect(mine).toContainText("Du har signert");
  await expect(mine).toBeFocused();
  // Never dropped to the page body on the way.
  expect((await focused(leader)).body).toBe(false);
  // The adviser's letter, read as the last signature lands: while the worker makes the signed PDF, a line says so
  // and no «Marker som sendt» is offered; the form comes by itself once the PDF is there (the page looks again).
  await page.reload();
  await expect(status).toHaveAttribute("data-status", "SIGNED");
  const markSent = page.getByRole("button", { name: "Marker som sendt" });
  const making = page.getByTestId("signed-pdf-making");
  await expect(making.or(markSent)).toBeVisible();
  expect(
    await page.evaluate(
      () =>
        !!document.querySelector('[data-testid="signed-pdf-making"]') &&
        [...document.querySelectorAll("button")].some((b) => b.textContent === "Marker som sendt"),
    ),
  ).toBe(false);
  await expect(markSent).toBeVisible({ timeout: 30_000 });
  await expect(making).toHaveCount(0);
  // The signed PDF is made by the worker; the sending can be recorded once it exists.
  await expect(leader.getByTestId("download-signed")).toBeVisible({ timeout: 30_000 });
  // The bell no longer counts the request she has acted on; Back shows Oversikt as it is now, not «Venter på deg».
  await expect(bell).toHaveAttribute("data-unread", String(unreadBefore - 1));
  await leader.goBack();
  await expect(leader.getByRole("heading", { name: "Oversikt" })).toBeVisible();
  await expect(leader.getByTestId("waiting-item").filter({ hasText: stamp })).toHaveCount(0);
  expect(errors).toEqual([]);

  // The adviser records the sending: «Sendt», not yet «arkivert» (the hearing is archived later).
  await page.reload();
  await expect(status).toHaveAttribute("data-status", "SIGNED");
  await enter(page.getByRole("button", { name: "Marker som sendt" }));
  await expect(status).toHaveAttribute("data-status", "SENT");
  await expect(live).toHaveText("Brevet er registrert som sendt.");
  await expect(status).not.toContainText("arkivert");
  await expect(status).toBeFocused();
  // The case (sent, so closed): its archive extract is named in its history, not «Annen endring».
  const hearingId = hearingUrl.split("/").pop()!;
  expect((await page.request.get(`/api/horinger/${hearingId}/arkiv`)).status()).toBe(200);
  await page.goto(hearingUrl);
  await expect(page.getByTestId("history")).toContainText("Eksporterte et arkivutdrag av saken");
  await expect(page.getByTestId("history")).not.toContainText("Annen endring");
  await page.goto(letterUrl);
  // A new version: the letters list tells the two apart by revision and their own status.
  await enter(page.getByRole("button", { name: "Lag ny versjon" }));
  await expect(page).not.toHaveURL(letterUrl);
  await page.goto("/innspill");
  const rows = page.getByTestId("submission-list").locator("li").filter({ hasText: stamp });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "versjon 2" }).getByTestId("letter-status")).toHaveText("Utkast");
  await expect(rows.filter({ hasNotText: "versjon 2" }).getByTestId("letter-status")).toHaveText("Sendt");
  expect(errors).toEqual([]);
  await adviserContext.close();
  await leaderContext.close();
});
