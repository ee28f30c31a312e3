"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type CSSProperties } from "react";
import { Alert, Card, Loading } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import { usePreview } from "./usePreview";

/** The PDF's text column, 16 cm, in CSS pixels. */
const COLUMN_PX = (16 / 2.54) * 96;

/** The letter as it will be sent: HTML from the same document model as the PDF and the DOCX. */
export function LetterPreview({ id, stale }: { id: string; stale: boolean }) {
  const t = useTranslations("submissions");
  const errorText = useErrorText();
  const preview = usePreview(id);
  // The page keeps the PDF's 16 cm column, so its lines are the PDF's; in a pane narrower than that (a 1366 px
  // laptop's half), it is scaled down to fit (`zoom`, which keeps the line breaks) rather than cut off.
  const pane = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const hasHtml = !!preview.data;
  useEffect(() => {
    const el = pane.current;
    if (!el) return;
    const fit = () => {
      const style = getComputedStyle(el);
      const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // Not below 0.7: on a phone the text would be too small to read, and the page scrolls sideways instead.
      setScale(Math.max(0.7, Math.min(1, Math.floor((inner / COLUMN_PX) * 1000) / 1000)));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasHtml]);
  return (
    <Card title={t("preview")}>
      <p className="mb-2 text-xs text-slate-500" aria-live="polite">
        {preview.isFetching || stale ? t("previewUpdating") : t("previewCurrent")}
      </p>
      {preview.error ? <Alert>{errorText(preview.error)}</Alert> : null}
      {preview.data ? (
        <div
          ref={pane}
          style={{ "--preview-scale": scale } as CSSProperties}
          data-scale={scale}
          // `paged`: the PDF's column width exactly, so the lines are the PDF's lines; scaled to fit the pane.
          className="letter-preview paged max-h-[80vh] overflow-auto rounded border border-slate-200 bg-white p-6 shadow-inner"
          data-testid="preview"
          // It scrolls (sideways too, when the pane is narrower than the page): reachable by keyboard.
          tabIndex={0}
          role="region"
          aria-label={t("preview")}
          // renderHtml escapes every text of the letter; this is the same model the files are made from.
          dangerouslySetInnerHTML={{ __html: preview.data.html }}
        />
      ) : (
        <Loading label={t("preview")} />
      )}
    </Card>
  );
}
