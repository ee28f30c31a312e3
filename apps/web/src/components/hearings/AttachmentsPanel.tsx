"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { CLOSED_STATUSES, MAX_CASE_DOCUMENTS_MB, MAX_DOCUMENT_MB } from "@innspill/domain/shared";
import { Alert, Card, inputClass, secondaryButtonClass } from "../ui";
import { useDomainText, useErrorText } from "@/lib/errors";
import type { RouterOutputs } from "@/lib/types";
import { useTRPC } from "@/trpc/client";
import { useIdempotentMutation } from "@/lib/idempotency";

type Detail = RouterOutputs["hearing"]["byId"];

function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

const TYPE_LABEL: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
};

export function AttachmentsPanel({ detail, canEdit }: { detail: Detail; canEdit: boolean }) {
  const t = useTranslations("hearings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const domainText = useDomainText();
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  // A closed case's documents are its record: none added or removed (the server refuses it too).
  const closed = (CLOSED_STATUSES as readonly string[]).includes(detail.hearing.status);
  const canChangeDocuments = canEdit && !closed;
  const usedMb = detail.documents.reduce((sum, d) => sum + d.size, 0) / 1024 / 1024;
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.hearing.byId.queryKey({ id: detail.hearing.id }) });
  const opts = { onSuccess: () => void refresh(), onError: (err: unknown) => setError(errorText(err)) };
  const addLink = useIdempotentMutation(trpc.hearing.addLink.mutationOptions(opts));
  const removeLink = useMutation(trpc.hearing.removeLink.mutationOptions(opts));
  const removeDocument = useMutation(trpc.hearing.removeDocument.mutationOptions(opts));

  async function upload(file: File) {
    setError(null);
    setUploading(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const res = await fetch(`/api/hearings/${detail.hearing.id}/documents`, { method: "POST", body });
      if (!res.ok) {
        const data = (await res.json().catch(() => ({}))) as { messageKey?: string; message?: string };
        setError(data.messageKey ? domainText(data.messageKey) : (data.message ?? errorText(null)));
      }
      await refresh();
    } catch {
      setError(errorText(null));
    } finally {
      setUploading(false);
    }
  }

  function onAddLink(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    addLink.mutate(
      {
        hearingId: detail.hearing.id,
        label: String(fd.get("label") ?? ""),
        url: String(fd.get("url") ?? ""),
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <Card title={t("documentsAndLinks")}>
      {error ? <Alert>{error}</Alert> : null}
      <h3 className="mb-1 text-sm font-semibold text-slate-700">{t("documents")}</h3>
      {detail.documents.length === 0 && detail.signedLetters.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noDocuments")}</p>
      ) : null}
      <ul className="mb-3 space-y-1 text-sm" data-testid="documents">
        {/* The signed letters first: what was sent, and its log for the archive. */}
        {detail.signedLetters.map((l) => (
          <li key={l.submissionId} className="flex flex-wrap items-center gap-2" data-testid="signed-letter">
            <a href={`/api/innspill/signert/${l.submissionId}`} className="text-blue-800 underline">
              {t("signedLetter", { title: l.title, revision: l.revision })}
            </a>
            <a
              href={`/api/innspill/signert/${l.submissionId}?del=logg`}
              className="text-xs text-blue-800 underline"
            >
              {t("signedLetterLog")}
            </a>
          </li>
        ))}
        {detail.documents.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-2">
            <a href={`/api/documents/${d.id}`} className="text-blue-800 underline">
              {d.filename}
            </a>
            <span className="text-xs text-slate-500">
              {TYPE_LABEL[d.mimeType] ?? d.mimeType} · {formatSize(d.size)} ·{" "}
              <span title={`SHA-256 ${d.sha256}`} className="font-mono">
                {d.sha256.slice(0, 12)}…
              </span>
            </span>
            {canChangeDocuments ? (
              <button
                type="button"
                className="text-xs text-red-700 underline"
                onClick={() => removeDocument.mutate({ id: d.id })}
              >
                {t("remove")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && closed ? (
        <p className="mb-4 text-sm text-slate-600" data-testid="documents-closed">
          {t("documentsClosed")}
        </p>
      ) : null}
      {canChangeDocuments ? (
        <label className="mb-4 block text-sm">
          <span className="mb-1 block text-slate-700">
            {uploading
              ? t("uploading")
              : t("upload", { file: MAX_DOCUMENT_MB, limit: MAX_CASE_DOCUMENTS_MB })}
          </span>
          <span className="mb-1 block text-xs text-slate-500" data-testid="documents-used">
            {t("documentsUsed", {
              used: usedMb.toFixed(1).replace(".", ","),
              limit: MAX_CASE_DOCUMENTS_MB,
            })}
          </span>
          <input
            type="file"
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            disabled={uploading}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file).then(() => (e.target.value = ""));
            }}
          />
        </label>
      ) : null}
      <h3 className="mb-1 text-sm font-semibold text-slate-700">{t("links")}</h3>
      {detail.links.length === 0 ? <p className="text-sm text-slate-500">{t("noLinks")}</p> : null}
      <ul className="mb-3 space-y-1 text-sm">
        {detail.links.map((l) => (
          <li key={l.id} className="flex items-center gap-2">
            <a href={l.url} target="_blank" rel="noreferrer" className="text-blue-800 underline">
              {l.label}
            </a>
            {canEdit ? (
              <button
                type="button"
                className="text-xs text-red-700 underline"
                onClick={() => removeLink.mutate({ id: l.id })}
              >
                {t("remove")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form onSubmit={onAddLink} className="flex flex-wrap items-end gap-2 text-sm">
          <label>
            <span className="block text-slate-700">{t("linkLabel")}</span>
            <input name="label" className={inputClass} />
          </label>
          <label className="min-w-60 flex-1">
            <span className="block text-slate-700">{t("linkUrl")}</span>
            <input name="url" type="url" className={inputClass} placeholder="https://" />
          </label>
          <button type="submit" className={secondaryButtonClass} disabled={addLink.isPending}>
            {t("addLink")}
          </button>
        </form>
      ) : null}
    </Card>
  );
}
