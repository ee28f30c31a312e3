"use client";

import { useTranslations } from "next-intl";
import { Alert, Card, Loading } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import { usePreview } from "./usePreview";

/** The letter as it will be sent: HTML from the same document model as the PDF and the DOCX. */
export function LetterPreview({ id, stale }: { id: string; stale: boolean }) {
  const t = useTranslations("submissions");
  const errorText = useErrorText();
  const preview = usePreview(id);
  return (
    <Card title={t("preview")}>
      <p className="mb-2 text-xs text-slate-500" aria-live="polite">
        {preview.isFetching || stale ? t("previewUpdating") : t("previewCurrent")}
      </p>
      {preview.error ? <Alert>{errorText(preview.error)}</Alert> : null}
      {preview.data ? (
        <div
          // `paged`: the PDF's column width exactly (scrolling sideways if the pane is narrower), so the lines are the
          // PDF's lines.
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
