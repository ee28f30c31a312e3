"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, LengthCounter, inputClass, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { useIdempotentMutation } from "@/lib/idempotency";

/** Review comments on the letter or one of its sections, in threads that can be resolved. */
export function ReviewThreads({ id, sections }: { id: string; sections: (string | null)[] }) {
  const t = useTranslations("workflow");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const threads = useQuery(trpc.submission.threads.queryOptions({ id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.submission.threads.queryKey({ id }) });
  const comment = useIdempotentMutation(trpc.submission.comment.mutationOptions({ onSuccess: refresh }));
  const resolve = useMutation(trpc.submission.resolveThread.mutationOptions({ onSuccess: refresh }));
  const [section, setSection] = useState("");
  const [body, setBody] = useState("");
  const [replies, setReplies] = useState<Record<string, string>>({});
  const error = comment.error ?? resolve.error;

  return (
    <Card title={t("threads")}>
      {error ? <Alert>{errorText(error)}</Alert> : null}
      {threads.data?.length === 0 ? <p className="text-sm text-slate-500">{t("noThreads")}</p> : null}
      <ul className="space-y-3" data-testid="threads">
        {threads.data?.map((th) => (
          <li
            key={th.id}
            className={`rounded-md border p-2 text-sm ${th.resolvedAt ? "border-slate-200 text-slate-500" : "border-amber-300"}`}
          >
            <p className="text-xs font-medium text-slate-600">
              {th.sectionIndex != null
                ? t("onSection", { n: th.sectionIndex + 1, heading: th.sectionHeading ?? "" })
                : t("onLetter")}
              {th.resolvedAt ? ` · ${t("resolvedBy", { name: th.resolvedBy ?? "" })}` : ""}
            </p>
            <ul className="mt-1 space-y-1">
              {th.comments.map((c) => (
                <li key={c.id}>
                  <strong>{c.author}</strong> <span className="text-xs text-slate-500">{dateTime(c.at)}</span>
                  <p className="whitespace-pre-line">{c.body}</p>
                </li>
              ))}
            </ul>
            <div className="mt-2 flex flex-wrap gap-2">
              <input
                className={`${inputClass} flex-1`}
                aria-label={t("reply")}
                placeholder={t("reply")}
                value={replies[th.id] ?? ""}
                onChange={(e) => setReplies((r) => ({ ...r, [th.id]: e.target.value }))}
              />
              <button
                type="button"
                className={secondaryButtonClass}
                disabled={!replies[th.id]?.trim() || comment.isPending}
                onClick={() =>
                  comment.mutate(
                    { submissionId: id, threadId: th.id, body: replies[th.id] ?? "" },
                    { onSuccess: () => setReplies((r) => ({ ...r, [th.id]: "" })) },
                  )
                }
              >
                {t("send")}
              </button>
              {th.resolvedAt ? null : (
                <button
                  type="button"
                  className={secondaryButtonClass}
                  onClick={() => resolve.mutate({ threadId: th.id })}
                  data-testid="resolve-thread"
                >
                  {t("resolve")}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <form
        className="mt-3 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          comment.mutate(
            { submissionId: id, sectionIndex: section === "" ? null : Number(section), body },
            { onSuccess: () => setBody("") },
          );
        }}
      >
        <select
          className={inputClass}
          aria-label={t("about")}
          value={section}
          onChange={(e) => setSection(e.target.value)}
        >
          <option value="">{t("onLetter")}</option>
          {sections.map((h, i) => (
            <option key={i} value={i}>
              {t("onSection", { n: i + 1, heading: h ?? "" })}
            </option>
          ))}
        </select>
        <textarea
          className={inputClass}
          rows={2}
          aria-label={t("newComment")}
          placeholder={t("newComment")}
          value={body}
          maxLength={5000}
          onChange={(e) => setBody(e.target.value)}
          data-testid="new-comment"
        />
        <LengthCounter value={body} max={5000} />
        <button type="submit" className={secondaryButtonClass} disabled={!body.trim() || comment.isPending}>
          {t("comment")}
        </button>
      </form>
    </Card>
  );
}
