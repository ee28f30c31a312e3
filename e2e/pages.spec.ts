import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

/** A message or event key left untranslated: "submission.saved", "hearing.exported", "nav.admin" … */
const RAW_KEY =
  /\b(?:submission|hearing|letter|user|position|block|signatory|fact|library|milestone|settings|issuingBody|nav|domain|errors|actions)[._][a-z][A-Za-z]+\b/;

/** The addresses of the first hearing and the first letter in their lists. */
async function firstHearingAndLetter(page: Page) {
  await page.goto("/horinger?status=alle");
  const hearing = await page
    .getByTestId("hearing-row")
    .first()
    .getByRole("link")
    .first()
    .getAttribute("href");
  await page.goto("/innspill");
  const letter = await page
    .getByRole("link", { name: /Høringssvar/ })
    .first()
    .getAttribute("href");
  return { hearing: hearing!, letter: letter! };
}

/** The pages a user reaches from the menu and from the first hearing and letter. */
function allPages(hearing: string, letter: string) {
  return [
    "/",
    "/horinger",
    hearing,
    "/innspill",
    letter,
    `${letter}/godkjenning`,
    "/horinger/ny",
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
    "/nye-horinger",
  ];
}

/** A date as Norwegian writes it: «28. desember 2026». */
const NORWEGIAN_DATE =
  /\b\d{1,2}\. (?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) \d{4}\b/;

/** WCAG 2.0, 2.1 and 2.2 A and AA, target size (2.5.8) among them. */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The serious and critical violations axe finds on the page, one line each. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Until the page has its data (no «Laster …» / "Loading …" left). */
async function loaded(page: Page) {
  await page
    .waitForFunction(() => !/Laster …|Loading …/.test(document.body.innerText), null, { timeout: 10_000 })
    .catch(() => undefined);
}

test("every page, in Norwegian and in English: no untranslated key, no serious accessibility violation (axe-core)", async ({
  page,
}) => {
  // 22 pages × 2 languages, each scanned by axe: minutes on a busy 2-core machine.
  test.setTimeout(300_000);
  await login(page, "admin@nito.test");
  const { hearing, letter } = await firstHearingAndLetter(page);
  const pages = allPages(hearing, letter);
  for (const language of ["Norsk bokmål", "English"]) {
    const titles = new Map<string, string>();
    for (const url of pages) {
      await page.goto(url);
      await loaded(page);
      const text = await page.locator("body").innerText();
      expect(text.match(RAW_KEY)?.[0] ?? null, `${url} (${language})`).toBeNull();
      // In English, notifications give their dates in English, and Innsikt quotes with English marks.
      if (language === "English" && ["/varsler", "/innsikt"].includes(url)) {
        expect(text.match(NORWEGIAN_DATE)?.[0] ?? null, url).toBeNull();
        expect(text, url).not.toContain("«");
      }
      expect(await seriousViolations(page), `${url} (${language})`).toEqual([]);
      // Each page has a title of its own, «<page> – Innspill» (WCAG 2.4.2).
      const title = await page.title();
      expect(title, url).toMatch(/^.+ – Innspill$/);
      expect(titles.get(title), `${url} has the title of ${titles.get(title)}: ${title}`).toBeUndefined();
      titles.set(title, url);
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

test("as an adviser and as a leader, every page they reach passes WCAG 2.2 AA (axe-core)", async ({
  browser,
}) => {
  // The admin's round above covers every page in both languages; these see each page as their role does (what
  // buttons and forms it shows them).
  test.setTimeout(300_000);
  for (const email of ["ingrid@nito.test", "kaja@nito.test"]) {
    const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
    const page = await context.newPage();
    await login(page, email);
    const { hearing, letter } = await firstHearingAndLetter(page);
    for (const url of allPages(hearing, letter).filter((u) => !u.startsWith("/admin"))) {
      await page.goto(url);
      await loaded(page);
      expect(await seriousViolations(page), `${url} (${email})`).toEqual([]);
    }
    await context.close();
  }
});

test("on a phone no page is wider than the screen, and the letter's preview numbers its footnotes", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const width = 390;
  const context = await browser.newContext({
    viewport: { width, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
  });
  const page = await context.newPage();
  await login(page, "admin@nito.test");
  const { hearing, letter } = await firstHearingAndLetter(page);
  for (const url of allPages(hearing, letter)) {
    await page.goto(url);
    await loaded(page);
    // The composer's preview and the approval page's letter come after the page's data.
    await page.waitForLoadState("networkidle");
    // A page wider than the screen makes the phone zoom out (or scroll sideways) to show all of it.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, url).toBeLessThanOrEqual(width);
  }
  // The hearing register starts with its hearings; the filters but the search are behind a button.
  await page.goto("/horinger");
  await expect(page.getByTestId("hearing-row").first()).toBeInViewport();
  await expect(page.getByTestId("filter-status")).toBeHidden();
  await page.getByTestId("filters-toggle").tap();
  await page.getByTestId("filter-status").selectOption("alle");
  await expect(page).toHaveURL(/status=alle/);
  await expect(page.getByTestId("filters-toggle")).toHaveText("Filtre (1 valgt)");
  // The demo letter (signed by now, when the whole suite runs) has a footnote with a web address: numbered as in
  // the PDF, not a bullet.
  await page.goto("/horinger?status=alle&q=Helsepersonellplan");
  await page
    .getByTestId("hearing-row")
    .getByRole("link", { name: "Høring – Helsepersonellplan 2040" })
    .first()
    .click();
  await page.getByTestId("open-submission").click();
  const footnote = page.locator(".letter-preview .footnotes li").first();
  await expect(footnote).toContainText("https://www.ssb.no");
  const style = await footnote.evaluate((li) => ({
    display: getComputedStyle(li).display,
    before: getComputedStyle(li, "::before").content,
  }));
  expect(style).toEqual({ display: "list-item", before: "none" });
  await context.close();
});

test("list and detail pages come with their data in the first HTML, and hydrate without a mismatch", async ({
  page,
}) => {
  await login(page, "admin@nito.test");
  const hydration: string[] = [];
  page.on("pageerror", (err) => {
    if (/React error #(418|419|423|425)|hydrat/i.test(err.message)) hydration.push(err.message);
  });
  page.on("console", (msg) => {
    // Development words it; a production build reports it as React error #418 (and #423, #425 for its kin).
    if (msg.type() === "error" && /hydrat|did not match|React error #(418|419|423|425)/i.test(msg.text()))
      hydration.push(msg.text());
  });
  const { hearing, letter } = await firstHearingAndLetter(page);
  // What the server sends before any script runs: the page's content, not a «Laster …» placeholder. (The composer
  // draws at hydration, from the data that came with the page: its controls must work when they show.)
  for (const [url, marker] of [
    ["/", 'data-testid="count-'],
    ["/horinger?status=alle", 'data-testid="hearing-row"'],
    [hearing, 'data-testid="hearing-status"'],
    ["/innspill", 'data-testid="submission-list"'],
    ["/standpunkter", 'data-testid="positions"'],
  ] as const) {
    const html = await (await page.request.get(url)).text();
    expect(html, url).toContain(marker);
  }
  // And in the browser, the same pages hydrate onto that HTML without React reporting a mismatch.
  for (const url of ["/", "/horinger?status=alle", hearing, "/innspill", letter, "/standpunkter", "/fakta"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  expect(hydration).toEqual([]);
});
