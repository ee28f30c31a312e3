/** The HTML preview, drawn from the same document model as the DOCX and the PDF. Every text is escaped. */
import type { DocBlock, DocumentModel, Run } from "./model";
import { isSafeLink } from "./links";

const esc = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
const safeHref = (h: string) => (isSafeLink(h) ? esc(h) : "#");

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      if (r.kind === "break") return "<br>";
      if (r.kind === "footnote")
        return `<sup class="fn-ref"><a href="#fn-${r.number}"${r.repeat ? "" : ` id="fnref-${r.number}"`}>${r.number}</a></sup>`;
      let t = esc(r.text);
      if (r.bold) t = `<strong>${t}</strong>`;
      if (r.italic) t = `<em>${t}</em>`;
      if (r.href) t = `<a href="${safeHref(r.href)}">${t}</a>`;
      return t;
    })
    .join("");
}

function blockHtml(b: DocBlock): string {
  switch (b.kind) {
    case "paragraph":
      return `<p>${runsHtml(b.runs)}</p>`;
    case "bullets":
      return `<ul>${b.items.map((i) => `<li>${runsHtml(i)}</li>`).join("")}</ul>`;
    case "positions":
      return `<p class="nito-mener"><strong>${esc(b.intro)}</strong></p><ul>${b.items.map((i) => `<li>${runsHtml(i)}</li>`).join("")}</ul>`;
  }
}

const legacyReferences = (m: DocumentModel) =>
  m.references.length
    ? `<p class="refs">${m.references.map((r) => `${esc(r.label)} ${esc(r.value)}`).join(" · ")}</p>`
    : "";

/** Template 3 on: «Deres ref.: …», «Vår ref.: …» and the contact person, a line each, as the PDF and the DOCX. */
function referenceLines(m: DocumentModel) {
  const lines = [
    ...m.references.map((r) => `${esc(r.label)}: ${esc(r.value)}`),
    ...(m.contact
      ? [`Kontaktperson: ${esc(m.contact.name)}${m.contact.email ? `, ${esc(m.contact.email)}` : ""}`]
      : []),
  ];
  return lines.length ? `<p class="refs">${lines.join("<br>")}</p>` : "";
}

export function renderHtml(m: DocumentModel): string {
  const lh = [m.letterhead.organisation, m.letterhead.unit, m.letterhead.address]
    .filter(Boolean)
    .map((x) => esc(x!))
    .join("<br>");
  return [
    `<article class="letter" lang="nb" data-template="${m.templateVersion}">`,
    `<header class="letterhead">${
      m.letterhead.logo?.data
        ? `<img class="logo" alt="" src="data:${m.letterhead.logo.mediaType};base64,${m.letterhead.logo.data}">`
        : ""
    }${lh}</header>`,
    m.recipient ? `<p class="recipient">${m.recipient.split("\n").map(esc).join("<br>")}</p>` : "",
    m.templateVersion >= 3 ? referenceLines(m) : legacyReferences(m),
    `<p class="date">${esc(m.placeAndDate)}</p>`,
    `<h1>${esc(m.title)}</h1>`,
    ...m.sections.map(
      (s) =>
        `<section>${s.heading ? `<h2>${esc(s.heading)}</h2>` : ""}${s.blocks.map(blockHtml).join("")}</section>`,
    ),
    `<p class="closing">${esc(m.closing)}</p>`,
    `<div class="signatories">${m.signatories.map((s) => `<div><strong>${esc(s.name)}</strong>${s.title ? `<br>${esc(s.title)}` : ""}${s.note ? `<br>${esc(s.note)}` : ""}</div>`).join("")}</div>`,
    m.footnotes.length
      ? `<ol class="footnotes">${m.footnotes.map((f) => `<li id="fn-${f.number}">${esc(f.text)}${f.url ? ` <a href="${safeHref(f.url)}">${esc(f.url)}</a>` : ""}</li>`).join("")}</ol>`
      : "",
    m.letterhead.footer
      ? `<footer class="contact">${m.letterhead.footer.split("\n").map(esc).join("<br>")}</footer>`
      : "",
    `</article>`,
  ].join("");
}
