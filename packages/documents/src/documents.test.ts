import { execFileSync } from "node:child_process";
import JSZip from "jszip";
import { describe, expect, it, vi } from "vitest";
import {
  LATEST_TEMPLATE_VERSION,
  LETTER_TEMPLATES,
  assemble,
  renderDocx,
  renderHtml,
  renderPdf,
  sha256,
  type SubmissionSnapshot,
} from "./index";
import { pngImage } from "./testing";

/** The DOCX of the template-versions test letter at version 2, as it was before version 3. */
const LEGACY_DOCX_V2 = "af03753ea231239bc31fa829a5e863f9d8173f4300021625f9f1a63f5679aa5f";
const P1 = "6c1b3a52-6a0b-4d4e-9a2e-1f1d2c3b4a59";
const snapshot: SubmissionSnapshot = {
  letterhead: {
    organisation: "NITO – Norges Ingeniør- og Teknologorganisasjon",
    unit: "NITO BFI",
    address: "Postboks 9100 Grønland, 0133 Oslo",
  },
  place: "Oslo",
  date: "2025-11-20",
  dateText: "20. november 2025",
  recipient: "Helsereformutvalget",
  theirReference: null,
  ourReference: "25/04410",
  closing: "Med vennlig hilsen",
  title: "Innspill til Helsereformutvalget",
  sections: [
    {
      body: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "NITO har over " },
              { type: "fact", attrs: { key: "org.memberCount" } },
              { type: "text", text: " medlemmer." },
              { type: "footnote", attrs: { text: "NITOs medlemsregister", url: "https://www.nito.no" } },
            ],
          },
        ],
      },
    },
    {
      heading: "Bioingeniører",
      body: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Behovet øker", marks: [{ type: "bold" }] },
              { type: "footnote", attrs: { text: "SSB, Helsemod" } },
            ],
          },
          { type: "positionList", attrs: { positionIds: [P1] } },
          { type: "paragraph", content: [{ type: "fact", attrs: { key: "missing.fact" } }] },
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Igjen" },
              { type: "footnote", attrs: { text: "SSB, Helsemod" } },
              { type: "text", text: " og nytt" },
              { type: "footnote", attrs: { text: "Helsetilsynet" } },
            ],
          },
        ],
      },
    },
  ],
  signatories: [
    { name: "Kaja Marienborg", title: "Fagstyreleder, NITO BFI" },
    { name: "Heidi Andersen", title: "Instituttleder, NITO BFI" },
  ],
  facts: { "org.memberCount": "116\u00a0000" },
  positions: { [P1]: "Det må utdannes flere bioingeniører." },
};

describe("assemble", () => {
  const m = assemble(snapshot);
  it("numbers footnotes across the whole letter and resolves facts and positions", () => {
    expect(m.footnotes.map((f) => [f.number, f.text])).toEqual([
      [1, "NITOs medlemsregister"],
      [2, "SSB, Helsemod"],
      [3, "Helsetilsynet"],
    ]);
    expect(m.placeAndDate).toBe("Oslo, 20. november 2025");
    expect(m.sections[0]!.blocks[0]).toMatchObject({
      kind: "paragraph",
      runs: [
        { text: "NITO har over " },
        { text: "116\u00a0000" },
        { text: " medlemmer." },
        { kind: "footnote", number: 1 },
      ],
    });
    expect(m.sections[1]!.blocks[1]).toEqual({
      kind: "positions",
      intro: "NITO mener:",
      items: [[{ kind: "text", text: "Det må utdannes flere bioingeniører." }]],
    });
    expect(JSON.stringify(m)).toContain("[mangler: missing.fact]");
  });

  it("gives a source cited again the number it already has", () => {
    expect(m.footnotes.map((f) => f.number)).toEqual([1, 2, 3]);
    const last = m.sections[1]!.blocks.at(-1)!;
    expect(last.kind === "paragraph" && last.runs.filter((r) => r.kind === "footnote")).toEqual([
      { kind: "footnote", number: 2, text: "SSB, Helsemod", repeat: true },
      { kind: "footnote", number: 3, text: "Helsetilsynet" },
    ]);
  });

  it("drops links that are not web or mail links", () => {
    const bad = assemble({
      ...snapshot,
      sections: [
        {
          body: {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  {
                    type: "text",
                    text: "x",
                    marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
                  },
                ],
              },
            ],
          },
        },
      ],
    });
    expect(JSON.stringify(bad)).not.toContain("javascript");
  });
});

describe("renderers", () => {
  const m = assemble(snapshot);

  it("HTML escapes every text", () => {
    const html = renderHtml({ ...m, title: '<script>alert("x")</script>' });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<sup class="fn-ref"><a href="#fn-2" id="fnref-2">2</a></sup>');
  });

  it("DOCX has real Word footnotes and page numbers, and the same model gives the same bytes", async () => {
    // Rendered at two different times (the zip entries and core properties would otherwise carry the clock).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T08:15:31Z"));
    const a = await renderDocx(m);
    vi.setSystemTime(new Date("2027-10-14T21:42:02Z"));
    const b = await renderDocx(m);
    vi.useRealTimers();
    expect(sha256(a)).toBe(sha256(b));
    const zip = await JSZip.loadAsync(a);
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain(
      `<dcterms:created xsi:type="dcterms:W3CDTF">${m.date}T12:00:00Z</dcterms:created>`,
    );
    expect(core).toContain("<dc:title>Innspill til Helsereformutvalget</dc:title>");
    const footnotes = await zip.file("word/footnotes.xml")!.async("string");
    expect(footnotes).toContain("NITOs medlemsregister");
    expect(footnotes).toContain("SSB, Helsemod");
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(3);
    expect(footnotes.match(/<w:footnote [^>]*w:id="[1-9]\d*"/g)).toHaveLength(3);
    expect(document).toContain("Innspill til Helsereformutvalget");
    const footer = Object.keys(zip.files).find((f) => /word\/footer\d*\.xml/.test(f))!;
    expect(await zip.file(footer)!.async("string")).toContain("PAGE");
    // Every part is dated the letter's day (the zip's DOS time has no zone; JSZip reads it as UTC).
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual([`${m.date}T12:00:00.000Z`]);
  });

  it("PDF is PDF/A-2b and reproducible", () => {
    const a = renderPdf(m);
    const b = renderPdf(m);
    expect(a.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(sha256(a)).toBe(sha256(b));
    expect(a.toString("latin1")).toMatch(/pdfaid:part(>|=")2/);
    expect(sha256(renderPdf({ ...m, title: `${m.title}.` }))).not.toBe(sha256(a));
  });

  it("user text never runs as Typst code", () => {
    const evil = renderPdf({ ...m, title: '#set page(width: 3cm) ] #panic("boom") [' });
    // Still an A4 page: the text was printed, not executed.
    expect(evil.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+595\.\d+\s+841\.\d+\s*\]/);
  });
});

describe("rendering many letters", () => {
  it("keeps the renderer's memory flat: Typst's cache of earlier letters is let go", () => {
    const letter = (i: number) =>
      renderPdf(assemble({ ...snapshot, title: `Innspill nr. ${i}`, dateText: `${i}. november 2025` }));
    for (let i = 0; i < 20; i++) letter(i);
    const before = process.memoryUsage().rss;
    for (let i = 20; i < 140; i++) letter(i);
    // Kept, each letter's compilation stayed: 80 MB more for these 120 short letters (4 MB when let go).
    expect((process.memoryUsage().rss - before) / 1e6).toBeLessThan(30);
  });
});

describe("PDF text", () => {
  it("prints Typst's special characters literally", () => {
    const hostile = "#set page(width: 1cm) [x] \\ *fet* $x^2$ _y_ <a> @ref // ikke kommentar";
    const m = assemble({
      ...snapshot,
      title: hostile,
      sections: [
        {
          body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: hostile }] }] },
        },
      ],
    });
    let text: string;
    try {
      text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: renderPdf(m) }).toString("utf8");
    } catch (err) {
      throw new Error(`pdftotext failed (apt-get install -y poppler-utils): ${(err as Error).message}`);
    }
    const flat = text.replace(/\s+/g, " ");
    expect(flat.split(hostile).length - 1).toBe(2);
  });
});

describe("letter settings", () => {
  const withSettings = assemble({
    ...snapshot,
    recipient: "Helse- og omsorgsdepartementet\nPostboks 8011 Dep\n0030 Oslo",
    letterhead: {
      ...snapshot.letterhead,
      footer: "Lakkegata 3, 0187 Oslo · 22 05 35 00\npost@nito.no · nito.no",
    },
  });

  it("the recipient's address lines and the contact footer are in the PDF, each on a line of its own", () => {
    const pdf = renderPdf(withSettings);
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: pdf }).toString(
      "utf8",
    );
    const lines = text.split("\n").map((l) => l.trim());
    const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
    expect(at("Postboks 8011 Dep")).toBe(at("Helse- og omsorgsdepartementet") + 1);
    expect(at("0030 Oslo")).toBe(at("Postboks 8011 Dep") + 1);
    // The footer, above the page number, on every page.
    const footers = lines.filter((l) => l === "Lakkegata 3, 0187 Oslo · 22 05 35 00").length;
    const pages = (text.match(/\f/g) ?? []).length || 1;
    expect(footers).toBe(pages);
    expect(lines[lines.indexOf("post@nito.no · nito.no") + 1]).toBe("1");
  });

  it("and in the DOCX (footer, line breaks) and the HTML", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(withSettings));
    const footer = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/footer\d*\.xml/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(footer.join("")).toContain("post@nito.no · nito.no");
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document).toMatch(
      /Helse- og omsorgsdepartementet<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>Postboks 8011 Dep/,
    );
    const html = renderHtml(withSettings);
    expect(html).toContain("Helse- og omsorgsdepartementet<br>Postboks 8011 Dep<br>0030 Oslo");
    expect(html).toContain(
      '<footer class="contact">Lakkegata 3, 0187 Oslo · 22 05 35 00<br>post@nito.no · nito.no</footer>',
    );
  });

  it("the logo is in the letterhead of the PDF, the DOCX and the HTML", async () => {
    const png = pngImage(240, 60);
    const m = assemble({
      ...snapshot,
      letterhead: {
        ...snapshot.letterhead,
        logo: { sha256: sha256(png), mediaType: "image/png", width: 240, height: 60 },
      },
    });
    // Without its bytes loaded, rendering says so rather than printing a letter without it.
    expect(() => renderPdf(m)).toThrow(/logo/);
    const withBytes = {
      ...m,
      letterhead: { ...m.letterhead, logo: { ...m.letterhead.logo!, data: png.toString("base64") } },
    };
    const pdf = renderPdf(withBytes);
    expect(pdf.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);
    expect(sha256(renderPdf(withBytes))).toBe(sha256(pdf));
    expect(pdf.toString("latin1")).not.toMatch(/\/Subtype\s*\/Image[\s\S]*\/Subtype\s*\/Image/);
    const zip = await JSZip.loadAsync(await renderDocx(withBytes));
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(Buffer.from(await zip.file(media[0]!)!.async("uint8array")).equals(png)).toBe(true);
    expect(renderHtml(withBytes)).toContain(
      `<img class="logo" alt="" src="data:image/png;base64,${png.toString("base64")}">`,
    );
  });

  it("a letter without them is the same PDF as one whose settings have none", () => {
    const plain = assemble(snapshot);
    expect(sha256(renderPdf(plain))).toBe(
      sha256(renderPdf(assemble({ ...snapshot, letterhead: { ...snapshot.letterhead, footer: null } }))),
    );
  });
});

describe("template versions", () => {
  // A URL as the ministries write them: long, with few hyphens.
  const url =
    "https://www.regjeringen.no/contentassets/4f0a3c1e2b5d4c6e8f9a0b1c2d3e4f5a/nou202512helsepersonellogpasientrettigheter/id3012345/?expand=horingsnotater&lang=nb";
  const letter = (templateVersion?: 1 | 2 | 3) =>
    assemble({
      ...snapshot,
      ...(templateVersion ? { templateVersion } : {}),
      sections: [
        {
          body: {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: "Se høringsnotatet." },
                  { type: "footnote", attrs: { text: "Høringsnotat", url } },
                ],
              },
              {
                type: "bulletList",
                content: [
                  {
                    type: "listItem",
                    content: [{ type: "paragraph", content: [{ type: "text", text: "Punkt" }] }],
                  },
                ],
              },
            ],
          },
        },
      ],
    });
  /** The PDF's words with their left and right edges, in points. */
  const words = (pdf: Buffer) =>
    [
      ...execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", "-", "-"], { input: pdf })
        .toString("utf8")
        .matchAll(/xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g),
    ].map((w) => ({ left: Number(w[1]), right: Number(w[2]), text: w[3]!.replace(/\u200b/g, "") }));
  const MARGIN = 70.87; // 2.5 cm
  const RIGHT_EDGE = 595.28 - MARGIN;

  it("a released version never changes: its text is pinned", () => {
    // Letters approved under a version must render to the same bytes for ever; improve the template in a new one.
    expect(sha256(LETTER_TEMPLATES[1])).toBe(
      "dd919de979803d92b506eb8410b26a4dc84d01d4e6a261cb57c01b17a79f6220",
    );
    expect(sha256(LETTER_TEMPLATES[2])).toBe(
      "14cec47c84efd2984275899302cbfa86c04b711610a8650d812fd6af3ef9d868",
    );
    expect(sha256(LETTER_TEMPLATES[3])).toBe(
      "2726558117aad2c265135ce9292285acace11becd4bbaff4488948f39b2a5fad",
    );
    expect(LATEST_TEMPLATE_VERSION).toBe(3);
  });

  it("a snapshot without a version is version 1, rendered as before", () => {
    expect(letter().templateVersion).toBe(1);
    expect(sha256(renderPdf(letter()))).toBe(sha256(renderPdf(letter(1))));
    expect(sha256(renderPdf(letter(2)))).not.toBe(sha256(renderPdf(letter(1))));
  });

  it("version 2 wraps a long footnote URL at its slashes and hyphens, and indents bullets as the Word letters", () => {
    const v1 = words(renderPdf(letter(1)));
    const v2 = words(renderPdf(letter(2)));
    // Version 1 breaks the URL inside a word where the line runs out; version 2 after a slash or a dot, within the
    // margin (a punctuation mark may hang into it by a point, as Typst sets it).
    const first = (ws: typeof v1) => ws.find((w) => w.text.startsWith("https://"))!;
    expect(first(v1).text).toMatch(/[a-z0-9]$/);
    expect(first(v2).text).toMatch(/[/.]$/);
    expect(first(v2).right).toBeLessThanOrEqual(RIGHT_EDGE + 2);
    expect(v2.map((w) => w.text).join("")).toContain(url.replace("&", "&amp;").replace(/\s/g, ""));
    // The bullet at 0.63 cm (17.9 pt) from the margin, as in the DOCX; at the margin in version 1.
    const bullet = (ws: typeof v1) => ws.find((w) => w.text === "•")!.left - MARGIN;
    expect(bullet(v1)).toBeCloseTo(0, 0);
    expect(bullet(v2)).toBeCloseTo(17.86, 0);
    // The link still goes to the URL itself.
    expect(renderPdf(letter(2)).toString("latin1")).toContain(url.slice(0, 40));
  });

  const contact = { name: "Ingrid Solberg", email: "ingrid@nito.test" };
  const withRefs = (templateVersion: 2 | 3, extra: Partial<SubmissionSnapshot> = {}) =>
    assemble({
      ...snapshot,
      templateVersion,
      theirReference: "26/3107-1",
      ourReference: "26/00873",
      ...extra,
    });
  const pdfText = (pdf: Buffer) =>
    execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8");
  const docxText = async (docx: Buffer) =>
    (await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string"))
      .replace(/<w:br\/>/g, "\n")
      .replace(/<[^>]+>/g, "");

  it("version 3 prints «Deres ref.», «Vår ref.» and the contact person in the PDF and the DOCX", async () => {
    const m = withRefs(3, { contact });
    expect(m.contact).toEqual(contact);
    const pdf = pdfText(renderPdf(m));
    const docx = await docxText(await renderDocx(m));
    for (const line of [
      "Deres ref.: 26/3107-1",
      "Vår ref.: 26/00873",
      "Kontaktperson: Ingrid Solberg, ingrid@nito.test",
    ]) {
      expect(pdf).toContain(line);
      expect(docx).toContain(line);
    }
    // Without an e-mail address, the name alone; without a contact, no line.
    expect(pdfText(renderPdf(withRefs(3, { contact: { name: "Ingrid Solberg", email: null } })))).toMatch(
      /Kontaktperson: Ingrid Solberg\s*\n/,
    );
    expect(pdfText(renderPdf(withRefs(3)))).not.toContain("Kontaktperson");
  });

  it("a letter of version 2 keeps its bytes: a contact in its snapshot is not printed", async () => {
    const plain = withRefs(2);
    const contacted = withRefs(2, { contact });
    expect(contacted.contact).toBeNull();
    expect(sha256(renderPdf(contacted))).toBe(sha256(renderPdf(plain)));
    expect(sha256(await renderDocx(contacted))).toBe(sha256(await renderDocx(plain)));
    expect(pdfText(renderPdf(plain))).toContain("Deres ref. 26/3107-1");
    expect(pdfText(renderPdf(plain))).not.toContain("Kontaktperson");
  });

  it("the DOCX of versions 1 and 2 is the file it was (docx's styles); version 3 has the letter's", async () => {
    const styles = async (m: ReturnType<typeof letter>) =>
      (await JSZip.loadAsync(await renderDocx(m))).file("word/styles.xml")!.async("string");
    // Pinned: the file a letter of version 2 got before version 3 (docx 9.15.2).
    expect(sha256(await renderDocx(letter(2)))).toBe(LEGACY_DOCX_V2);
    expect(await styles(letter(2))).toContain("2E74B5");
    expect(await styles(letter(3))).not.toContain("2E74B5");
  });
});
