import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, registerHearing } from "./helpers";

/**
 * Live co-writing (issue #36): two advisers write in one section at once, a third writes offline and merges when
 * back, and the approval names the merged letter. The collaboration server is the real one (`npm start` runs it).
 */
test.use({ viewport: { width: 1400, height: 1600 } });

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, email);
  return page;
}

/** The section's text in the editor, without the colleagues' cursors (their names are drawn inside the text). */
const textOf = (page: Page) =>
  editorOf(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".ProseMirror-yjs-cursor").forEach((c) => c.remove());
    return copy.textContent ?? "";
  });
/** How many updates of this letter's Yjs document the browser keeps in IndexedDB (what survives a closed tab). */
const keptLocally = (page: Page, letterUrl: string) =>
  page.evaluate(async (id) => {
    const name = (await indexedDB.databases()).find((d) => d.name?.endsWith(`:collab:${id}`))?.name;
    if (!name) return 0;
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const count = await new Promise<number>((ok, fail) => {
      const r = db.transaction("updates", "readonly").objectStore("updates").count();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    db.close();
    return count;
  }, letterUrl.split("/").pop()!);
const editorOf = (page: Page) =>
  page.getByTestId("section").filter({ hasText: "Samskrevet" }).getByTestId("block-editor");

test("two advisers write in one section at once, a third offline; the approval names the merged letter", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const ingrid = await as(browser, "ingrid@nito.test");
  const martin = await as(browser, "martin@nito.test");
  let tor = await as(browser, "admin@nito.test");

  // Ingrid starts a letter with a free-text section.
  const title = `Høring – samskriving ${Date.now()}`;
  await registerHearing(ingrid, title);
  await ingrid.getByTestId("start-submission").click();
  await expect(ingrid).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const letterUrl = ingrid.url();
  await ingrid.getByTestId("add-free-text").click();
  await ingrid
    .getByTestId("section")
    .last()
    .getByRole("textbox", { name: /Overskrift$/ })
    .fill("Samskrevet");
  await expect(ingrid.getByTestId("presence")).toContainText("Samskriving");
  await editorOf(ingrid).click();
  await ingrid.keyboard.type("Start.");
  await expect(ingrid.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });

  // Martin and Tor open it: the text is there, and each sees who is here and where.
  for (const page of [martin, tor]) {
    await page.goto(letterUrl);
    const section = page.getByTestId("section").filter({ hasText: "Samskrevet" });
    await section.getByTestId("section-text").click();
    await expect.poll(() => textOf(page)).toBe("Start.");
  }
  await editorOf(ingrid).click();
  await expect(martin.getByTestId("presence")).toContainText("Ingrid Solberg skriver i del 1 (Samskrevet)");
  await expect(ingrid.getByTestId("presence")).toContainText("Martin Haugen");

  // Both type at the same moment in the same paragraph: Ingrid at its end, Martin at its start.
  await editorOf(martin).click();
  await ingrid.keyboard.press("End");
  await martin.keyboard.press("Home");
  await Promise.all([
    ingrid.keyboard.type(" Ingrid skriver første setning.", { delay: 15 }),
    martin.keyboard.type("Martin skriver andre setning. ", { delay: 15 }),
  ]);
  for (const page of [ingrid, martin, tor]) {
    await expect.poll(() => textOf(page)).toContain("Ingrid skriver første setning.");
    await expect.poll(() => textOf(page)).toContain("Martin skriver andre setning.");
  }
  // No conflict dialog: the texts merged.
  await expect(martin.getByTestId("conflict")).toHaveCount(0);
  await expect(ingrid.getByTestId("conflict")).toHaveCount(0);

  // Tor goes offline and writes; meanwhile Ingrid writes too. Neither sees the other's until Tor is back.
  await tor.context().setOffline(true);
  await editorOf(tor).click();
  await tor.keyboard.press("End");
  const keptBefore = await keptLocally(tor, letterUrl);
  await tor.keyboard.type(" Tor skrev uten nett.");
  await editorOf(ingrid).click();
  await ingrid.keyboard.press("End");
  await ingrid.keyboard.type(" Ingrid la til mens Tor var borte.");
  await expect.poll(() => textOf(martin)).toContain("Ingrid la til mens Tor var borte.");
  expect(await textOf(tor)).not.toContain("Ingrid la til");
  expect(await textOf(ingrid)).not.toContain("Tor skrev uten nett.");
  // Tor closes the tab before the network is back: what he wrote is kept in this browser (IndexedDB), and merges
  // when he opens the letter again.
  // (Each typed character is one update of the document.)
  await expect
    .poll(() => keptLocally(tor, letterUrl), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(keptBefore + " Tor skrev uten nett.".length);
  const torContext = tor.context();
  await tor.close();
  await torContext.setOffline(false);
  tor = await torContext.newPage();
  await tor.goto(letterUrl);
  await tor.getByTestId("section").filter({ hasText: "Samskrevet" }).getByTestId("section-text").click();
  const all = [
    "Start.",
    "Ingrid skriver første setning.",
    "Martin skriver andre setning.",
    "Tor skrev uten nett.",
    "Ingrid la til mens Tor var borte.",
  ];
  for (const page of [ingrid, martin, tor])
    for (const sentence of all)
      await expect.poll(() => textOf(page), { timeout: 20_000 }).toContain(sentence);
  for (const page of [ingrid, martin, tor])
    await expect(page.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });

  // The saved letter has every sentence: a fresh load shows them.
  const fresh = await (await browser.newContext()).newPage();
  await login(fresh, "martin@nito.test");
  await fresh.goto(letterUrl);
  const saved = fresh.getByTestId("section").filter({ hasText: "Samskrevet" });
  for (const sentence of all) await expect(saved).toContainText(sentence);

  // Ingrid adds the signatory (the letter's structure, under its lock, while the others are in it) and asks for
  // approval: the frozen letter (its snapshot, whose hash the approval names) has every sentence.
  await ingrid
    .getByTestId("add-signatory")
    .selectOption({ label: "Kaja Marienborg — Fagstyreleder, NITO BFI" });
  await expect(ingrid.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  await ingrid.getByRole("button", { name: "Send til gjennomgang" }).click();
  const status = ingrid.getByTestId("workflow-status");
  await expect(status).toHaveAttribute("data-status", "IN_REVIEW");
  await ingrid.getByTestId("request-approval").click();
  await expect(status).toHaveAttribute("data-status", "AWAITING_APPROVAL");
  const kaja = await as(browser, "kaja@nito.test");
  await kaja.goto(`${letterUrl}/godkjenning`);
  for (const sentence of all) await expect(kaja.getByTestId("approval-letter")).toContainText(sentence);
  const hash = (await kaja.getByTestId("snapshot-hash").textContent())?.trim() ?? "";
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await kaja.getByTestId("approve").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "APPROVED");
  // The approval stands: nobody's tab saved over the approved state afterwards.
  await martin.waitForTimeout(3000);
  await kaja.reload();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "APPROVED");
  await expect(kaja.getByTestId("snapshot-hash")).toHaveText(hash);
});

test("a section removed while a colleague writes in it is told to them, with their text, and can be put back", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const ingrid = await as(browser, "ingrid@nito.test");
  const martin = await as(browser, "martin@nito.test");
  const title = `Høring – fjernet del ${Date.now()}`;
  await registerHearing(ingrid, title);
  await ingrid.getByTestId("start-submission").click();
  await expect(ingrid).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const letterUrl = ingrid.url();
  await ingrid.getByTestId("add-free-text").click();
  await ingrid
    .getByTestId("section")
    .last()
    .getByRole("textbox", { name: /Overskrift$/ })
    .fill("Fjernes");
  await expect(ingrid.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });

  // Martin opens the section; Ingrid removes it (saved) before Martin's words reach the server.
  await martin.goto(letterUrl);
  const section = martin
    .getByTestId("section")
    .filter({ has: martin.getByRole("textbox", { name: /Overskrift$/ }) });
  await expect(section.getByTestId("block-editor")).toBeVisible();
  await expect(martin.getByTestId("presence")).toContainText("Samskriving");
  await ingrid
    .getByTestId("section")
    .last()
    .getByRole("button", { name: "Fjern: Fjernes", exact: true })
    .click();
  await expect(ingrid.getByTestId("section")).toHaveCount(0);
  await expect(ingrid.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  await section.getByTestId("block-editor").click();
  await martin.keyboard.type("Martins setning som ikke må forsvinne.");

  // Martin's save finds the letter without the section: he is told who removed it and sees his text.
  const removed = martin.getByTestId("removed-section");
  await expect(removed).toContainText("Ingrid Solberg fjernet delen «Fjernes»", { timeout: 15_000 });
  await expect(removed).toContainText("Martins setning som ikke må forsvinne.");
  await removed.getByRole("button", { name: "Legg delen tilbake" }).click();
  await expect(martin.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });

  // It is back in the saved letter, with his sentence.
  await ingrid.reload();
  await expect(
    ingrid.getByTestId("section").filter({ hasText: "Martins setning som ikke må forsvinne." }),
  ).toHaveCount(1);
});

test("what is typed while the co-writing code still loads goes into the shared text and the saved letter", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const ingrid = await as(browser, "ingrid@nito.test");
  const martin = await as(browser, "martin@nito.test");
  const title = `Høring – tidlig skriving ${Date.now()}`;
  await registerHearing(ingrid, title);
  await ingrid.getByTestId("start-submission").click();
  await expect(ingrid).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const letterUrl = ingrid.url();
  await ingrid.getByTestId("add-free-text").click();
  await ingrid
    .getByTestId("section")
    .last()
    .getByRole("textbox", { name: /Overskrift$/ })
    .fill("Samskrevet");
  await expect(ingrid.getByTestId("presence")).toContainText("Samskriving");
  await editorOf(ingrid).click();
  await ingrid.keyboard.type("Første.");
  await expect(ingrid.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });

  // Martin is in the section.
  await martin.goto(letterUrl);
  await martin.getByTestId("section").filter({ hasText: "Samskrevet" }).getByTestId("section-text").click();
  await expect.poll(() => textOf(martin)).toBe("Første.");

  // Ingrid opens the letter again on a slow line: the co-writing code (Yjs, Hocuspocus), which the page loads after
  // it shows, is held back while she writes.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let heldBack = 0;
  const page = await ingrid.context().newPage();
  await page.route("**/_next/static/chunks/**", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("onAuthenticationFailed")) {
      heldBack++;
      await held;
    }
    await route.fulfill({ response, body });
  });
  await page.goto(letterUrl);
  await page.getByTestId("section").filter({ hasText: "Samskrevet" }).getByTestId("section-text").click();
  await expect(editorOf(page)).toBeFocused();
  await page.keyboard.type(" Skrevet straks.");
  await expect.poll(() => textOf(page)).toBe("Første. Skrevet straks.");
  await expect.poll(() => heldBack).toBe(1);
  await expect(page.getByTestId("presence")).toHaveCount(0);

  // The code comes: her words go into the shared text (Martin sees them live) and into the saved letter.
  release();
  await expect(page.getByTestId("presence")).toContainText("Samskriving");
  await expect.poll(() => textOf(martin), { timeout: 15_000 }).toBe("Første. Skrevet straks.");
  await expect.poll(() => textOf(page)).toBe("Første. Skrevet straks.");
  await expect(page.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  const fresh = await (await browser.newContext()).newPage();
  await login(fresh, "martin@nito.test");
  await fresh.goto(letterUrl);
  await expect(fresh.getByTestId("section").filter({ hasText: "Samskrevet" })).toContainText(
    "Første. Skrevet straks.",
  );
});
