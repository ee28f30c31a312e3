import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

// Tall enough that dragging a section to the top needs no scrolling mid-drag.
test.use({ viewport: { width: 1400, height: 2000 } });

const headings = (page: Page) => page.getByTestId("sections").getByTestId("section-heading");

test("compose a letter from three blocks and free text, reorder, preview, render and download both files", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await login(page, "ingrid@nito.test");

  // Start the letter from its hearing.
  await page.goto("/horinger");
  await page.getByRole("link", { name: "Høring – NOU 2026: Fremtidens laboratorietjenester" }).click();
  await page.getByTestId("start-submission").click();
  await expect(page).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("letter-title")).toHaveValue(
    "Høringssvar – NOU 2026: Fremtidens laboratorietjenester",
  );
  await page.getByTestId("letter-title").fill("Høringssvar – NOU 2026: Fremtidens laboratorietjenester");

  // Three blocks: two found by Norwegian search (a stemmed word), one by topic.
  await page.getByTestId("block-search").fill("bioingeniør");
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  await page.getByRole("button", { name: "Legg til «Bioingeniører»" }).click();
  await expect(headings(page)).toHaveText(["Bioingeniører"]);
  await page.getByTestId("block-search").fill("laboratorier");
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  // The adviser goes on to the search field while the block is read (slowed here): it keeps the focus and what was
  // typed; the block does not take it.
  const slow = /library\.blockVersion/;
  await page.route(slow, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.getByRole("button", { name: "Legg til «Helseteknologi og digital samhandling»" }).click();
  await page.getByTestId("block-search").fill("");
  await expect(headings(page)).toHaveText(["Bioingeniører", "Helseteknologi og digital samhandling"]);
  await expect(page.getByTestId("block-search")).toBeFocused();
  await expect(page.getByTestId("block-search")).toHaveValue("");
  await page.unroute(slow);
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  await page.getByTestId("block-topic").selectOption("organisasjon");
  await page.getByRole("button", { name: "Legg til «Om NITO»" }).click();
  // Its facts show as chips with their values, never as {{placeholders}}.
  const about = page.getByTestId("section").filter({ hasText: "Norges største organisasjon" });
  await expect(about.getByTestId("fact-chip").first()).toContainText(/Antall medlemmer i NITO: \d/);
  await expect(about.getByTestId("block-text")).not.toContainText("{{");

  // Free text with a heading. Its editor's code comes later (slowed here): the heading typed meanwhile keeps the
  // focus, and the editor does not take it when it comes.
  const chunks = "**/_next/static/chunks/**";
  await page.route(chunks, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.getByTestId("add-free-text").click();
  const free = page.getByTestId("section").last();
  const heading = free.getByRole("textbox", { name: /Overskrift$/ });
  await heading.fill("Avslutning");
  await expect(free.getByTestId("block-editor")).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(heading).toHaveValue("Avslutning");
  await page.unroute(chunks);
  await free.getByTestId("block-editor").click();
  await page.keyboard.type("NITO bidrar gjerne i det videre arbeidet.");
  // A 10 MB paste is refused at once with a message, and nothing typed is lost; the title field cuts it at its limit.
  const paste = (selector: string) =>
    page
      .locator(selector)
      .last()
      .evaluate((el) => {
        const data = new DataTransfer();
        data.setData("text/plain", "x".repeat(10 * 1024 * 1024));
        el.dispatchEvent(
          new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
        );
      });
  await paste('[data-testid="block-editor"]');
  await expect(free.getByTestId("paste-refused")).toContainText("for lang");
  await expect(free.getByTestId("block-editor")).toHaveText("NITO bidrar gjerne i det videre arbeidet.");
  await page.getByTestId("letter-title").fill("y".repeat(10 * 1024 * 1024));
  await expect(page.getByTestId("letter-title")).toHaveValue("y".repeat(300));
  await expect(page.getByText("300 / 300")).toBeVisible();
  await page.getByTestId("letter-title").fill("Høringssvar – NOU 2026: Fremtidens laboratorietjenester");
  await expect(headings(page)).toHaveText([
    "Bioingeniører",
    "Helseteknologi og digital samhandling",
    "Om NITO",
    "Avslutning",
  ]);

  // Reorder: drag "Om NITO" to the top, then move the digital block down one with the button.
  await page.getByTestId("drag-handle").nth(2).dragTo(page.getByTestId("section").first());
  await expect(headings(page)).toHaveText([
    "Om NITO",
    "Bioingeniører",
    "Helseteknologi og digital samhandling",
    "Avslutning",
  ]);
  await page.getByTestId("section").nth(2).getByRole("button", { name: "Flytt ned" }).click();
  await expect(headings(page)).toHaveText([
    "Om NITO",
    "Bioingeniører",
    "Avslutning",
    "Helseteknologi og digital samhandling",
  ]);

  // Two signatories from the register; their titles on the letter's date.
  await page
    .getByTestId("add-signatory")
    .selectOption({ label: "Kaja Marienborg — Fagstyreleder, NITO BFI" });
  await page
    .getByTestId("add-signatory")
    .selectOption({ label: "Heidi Andersen — Instituttleder, NITO BFI" });

  // Autosaved; the preview shows the letter in the new order, with the fact resolved and the retired position flagged.
  await expect(page.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  const preview = page.getByTestId("preview");
  await expect(preview.locator("h2")).toHaveText([
    "Om NITO",
    "Bioingeniører",
    "Avslutning",
    "Helseteknologi og digital samhandling",
  ]);
  await expect(preview).toContainText("over 116 000 medlemmer");
  await expect(preview).toContainText("NITO bidrar gjerne i det videre arbeidet.");
  await expect(preview.locator(".signatories")).toContainText("Fagstyreleder, NITO BFI");
  await expect(page.getByTestId("warnings")).toContainText("Laboratoriene må få moderne IT-systemer.");

  // The fix is one click: a local copy with the replacement.
  await page.getByRole("button", { name: "Bruk erstatningen" }).click();
  await expect(page.getByTestId("section").nth(3)).toHaveAttribute("data-kind", "LOCAL");
  await expect(preview).toContainText("Laboratoriedatasystemer må kommunisere sømløst", { timeout: 15_000 });
  // Back to the library text throws nothing away for good: «Angre» brings the local edits back.
  const local = page.getByTestId("section").nth(3);
  await local.getByRole("button", { name: "Tilbake til biblioteksteksten" }).click();
  await expect(local).toHaveAttribute("data-kind", "BLOCK");
  await local.getByTestId("reverted").getByRole("button", { name: "Angre" }).click();
  await expect(local).toHaveAttribute("data-kind", "LOCAL");
  await expect(preview).toContainText("Laboratoriedatasystemer må kommunisere sømløst", { timeout: 15_000 });

  // A reload keeps everything (once saved: «Angre» was an edit).
  await expect(page.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  await page.reload();
  await expect(headings(page)).toHaveText([
    "Om NITO",
    "Bioingeniører",
    "Avslutning",
    "Helseteknologi og digital samhandling",
  ]);
  // Text shows as text until it is edited (the editor is loaded then): a click opens the editor, cursor in the text.
  const closing = page.getByTestId("section").nth(2);
  await expect(closing.getByTestId("block-editor")).toHaveCount(0);
  await closing.getByTestId("section-text").click();
  await expect(closing.getByTestId("block-editor")).toBeFocused();
  await expect(closing.getByTestId("block-editor")).toHaveText("NITO bidrar gjerne i det videre arbeidet.");

  // Render: progress until done, then both downloads.
  let draftPdf: Buffer | undefined;
  await page.getByTestId("render").click();
  await expect(page.getByTestId("render-status")).toHaveAttribute("data-status", "DONE", { timeout: 30_000 });
  for (const [testId, magic, ext] of [
    ["download-pdf", "%PDF-", ".pdf"],
    ["download-docx", "PK", ".docx"],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
    expect(download.suggestedFilename()).toBe(`Høringssvar – NOU 2026 Fremtidens laboratorietjenester${ext}`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, magic.length).toString("latin1")).toBe(magic);
    expect(bytes.length).toBeGreaterThan(5_000);
    if (ext === ".pdf") draftPdf = bytes;
  }

  // The preview has the PDF's lines: every line of the letter's paragraphs in the preview is a line of the PDF.
  const previewLines = await page.getByTestId("preview").evaluate((root) => {
    const out: string[] = [];
    // The letter's own paragraphs and bullets (footnotes are at the foot of the page in the PDF, at the end here).
    for (const p of Array.from(root.querySelectorAll("section p, section li")).filter(
      (e) => !e.closest(".footnotes"),
    )) {
      const words: { text: string; top: number }[] = [];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of (n.textContent ?? "").matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const rect = range.getClientRects()[0];
          if (rect) words.push({ text: m[0], top: Math.round(rect.top) });
        }
      }
      let line = "";
      let top: number | null = null;
      for (const w of words) {
        if (top !== null && Math.abs(w.top - top) > 4 && line) {
          out.push(line);
          line = "";
        }
        top = w.top;
        line += `${line ? " " : ""}${w.text}`;
      }
      if (line) out.push(line);
    }
    return out;
  });
  const pdfLines = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: draftPdf! })
    .toString("utf8")
    .split("\n")
    .map((l) => l.trim().replace(/\s+/g, " "))
    .filter(Boolean);
  // Compared without spaces and digits: footnote numbers are raised in both, and set apart differently.
  const plain = (l: string) => l.replace(/[\s\d•]/g, "");
  const pdfSet = new Set(pdfLines.map(plain));
  const missing = previewLines.filter((l) => !pdfSet.has(plain(l)));
  console.log(`preview: ${previewLines.length} lines, ${previewLines.length - missing.length} as in the PDF`);
  expect(previewLines.length).toBeGreaterThan(5);
  expect(missing).toEqual([]);

  // A recipient who checks this draft is told it is a draft, never that it is signed, and nothing of the letter.
  await page.goto("/verifiser");
  await page
    .getByTestId("verify-file")
    .setInputFiles({ name: "utkast.pdf", mimeType: "application/pdf", buffer: draftPdf! });
  await page.getByRole("button", { name: "Kontroller" }).click();
  const answer = page.getByTestId("verify-result");
  await expect(answer).toContainText("Utkast fra Innspill — ikke godkjent eller signert");
  await expect(answer).not.toContainText("Signert og endelig");
  await expect(answer).not.toContainText("Fremtidens laboratorietjenester");
});
