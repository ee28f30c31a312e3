"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { RouterOutputs } from "@/lib/types";
import { Alert, Card, Loading, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

type State = "NEW" | "ACCEPTED" | "DISMISSED";
type RadarItemView = RouterOutputs["radar"]["list"]["items"][number];

/** «Nye høringer»: the radar's suggestions, most relevant first, each with why it matters. */
export function NewHearingsView() {
  const t = useTranslations("radar");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [state, setState] = useState<State>("NEW");
  const [all, setAll] = useState(false);
  const list = useQuery(
    trpc.radar.list.queryOptions(state === "NEW" && all ? { state, includeUnmatched: true } : { state }),
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <PasteAddress />
      <div className="flex gap-2" role="tablist">
        {(["NEW", "ACCEPTED", "DISMISSED"] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={state === s}
            className={state === s ? buttonClass : secondaryButtonClass}
            onClick={() => setState(s)}
          >
            {t(s === "NEW" ? "newTab" : s === "ACCEPTED" ? "acceptedTab" : "dismissedTab")}
          </button>
        ))}
      </div>
      {list.isPending ? <Loading label={t("title")} /> : null}
      {list.error ? <Alert>{errorText(list.error)}</Alert> : null}
      {list.data && list.data.items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : null}
      <ul className="space-y-3" data-testid="radar-items">
        {list.data?.items.map((item) => (
          <li key={item.id}>
            <Suggestion item={item} canAct={list.data.canAccept && state === "NEW"} />
          </li>
        ))}
      </ul>
      {state === "NEW" && !all && list.data?.unmatched ? (
        <button type="button" className={secondaryButtonClass} onClick={() => setAll(true)}>
          {t("showUnmatched", { count: list.data.unmatched })}
        </button>
      ) : null}
      <FollowTopics />
    </div>
  );
}

function Suggestion({ item, canAct }: { item: RadarItemView; canAct: boolean }) {
  const t = useTranslations("radar");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const { date } = useDates();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState("");
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.radar.list.pathKey() });
  const accept = useMutation(trpc.radar.accept.mutationOptions({ onSuccess: refresh }));
  const dismiss = useMutation(trpc.radar.dismiss.mutationOptions({ onSuccess: refresh }));
  const onDismiss = (e: FormEvent) => {
    e.preventDefault();
    dismiss.mutate({ id: item.id, reason });
  };
  return (
    <Card title={item.title}>
      <div className="space-y-2 text-sm" data-testid="radar-item" data-source-ref={item.sourceRef}>
        <p className="text-slate-600">
          {t(`source_${item.source}` as "source_stortinget")} · {item.issuer} ·{" "}
          {item.deadline ? t("deadline", { date: date(item.deadline) }) : t("noDeadline")} ·{" "}
          {t("score", { score: item.score })}
        </p>
        <p className="font-medium text-slate-900" data-testid="radar-reason">
          {item.reason}
        </p>
        {item.positions.length ? (
          <details>
            <summary className="cursor-pointer text-slate-700">{t("positions")}</summary>
            <ul className="mt-1 list-disc pl-5">
              {item.positions.map((p) => (
                <li key={p.id}>
                  <Link className="underline" href={`/standpunkter/${p.id}`}>
                    {p.text}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {item.blocks.length ? (
          <details>
            <summary className="cursor-pointer text-slate-700">{t("blocks")}</summary>
            <ul className="mt-1 list-disc pl-5">
              {item.blocks.map((b) => (
                <li key={b.id}>
                  <strong>{b.text}</strong>: {b.sentence}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <p className="text-slate-600">
          {t("documents", { count: item.documents.length })} ·{" "}
          <a className="underline" href={item.url} target="_blank" rel="noreferrer noopener">
            {t("open")}
          </a>
        </p>
        {item.dismissReason ? (
          <p className="text-slate-600">{t("dismissedBecause", { reason: item.dismissReason })}</p>
        ) : null}
        {item.hearingId ? (
          <Link className="underline" href={`/horinger/${item.hearingId}`}>
            {t("openHearing")}
          </Link>
        ) : null}
        {canAct ? (
          <div className="flex flex-wrap items-center gap-2 pt-1">
            <button
              type="button"
              className={buttonClass}
              disabled={accept.isPending || accept.isSuccess}
              onClick={() => accept.mutate({ id: item.id })}
            >
              {t("accept")}
            </button>
            {!dismissing ? (
              <button type="button" className={secondaryButtonClass} onClick={() => setDismissing(true)}>
                {t("dismiss")}
              </button>
            ) : null}
            {accept.data ? (
              <Link className="underline" href={`/horinger/${accept.data.hearingId}`}>
                {t("openHearing")}
              </Link>
            ) : null}
          </div>
        ) : null}
        {dismissing ? (
          <form onSubmit={onDismiss} className="flex flex-wrap items-end gap-2">
            <label className="flex-1">
              <span className="block text-slate-700">{t("dismissReason")}</span>
              <input
                className={inputClass}
                value={reason}
                maxLength={500}
                required
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
            <button type="submit" className={buttonClass} disabled={dismiss.isPending}>
              {t("dismissConfirm")}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setDismissing(false)}>
              {t("cancel")}
            </button>
          </form>
        ) : null}
        {accept.data?.documentsFailed ? (
          <p className="text-amber-800">{t("documentsFailed", { count: accept.data.documentsFailed })}</p>
        ) : null}
        {accept.error ? <Alert>{errorText(accept.error)}</Alert> : null}
        {dismiss.error ? <Alert>{errorText(dismiss.error)}</Alert> : null}
      </div>
    </Card>
  );
}

function PasteAddress() {
  const t = useTranslations("radar");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [address, setAddress] = useState("");
  const propose = useMutation(
    trpc.radar.propose.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.radar.list.pathKey() }),
    }),
  );
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        propose.mutate({ address });
      }}
    >
      <label className="min-w-64 flex-1 text-sm">
        <span className="block text-slate-700">{t("paste")}</span>
        <input
          className={inputClass}
          type="url"
          value={address}
          maxLength={2000}
          placeholder="https://www.regjeringen.no/no/dokumenter/…"
          onChange={(e) => setAddress(e.target.value)}
        />
        <span className="block text-xs text-slate-500">{t("pasteHelp")}</span>
      </label>
      <button type="submit" className={secondaryButtonClass} disabled={propose.isPending || !address}>
        {t("pasteButton")}
      </button>
      {propose.error ? <Alert>{errorText(propose.error)}</Alert> : null}
    </form>
  );
}

function FollowTopics() {
  const t = useTranslations("radar");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const topics = useQuery(trpc.radar.topics.queryOptions());
  const follow = useMutation(
    trpc.radar.follow.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.radar.topics.queryKey() }),
    }),
  );
  if (!topics.data?.length) return null;
  return (
    <Card title={t("follow")}>
      <div className="flex flex-wrap gap-2">
        {topics.data.map((topic) => (
          <label key={topic.id} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={topic.following}
              disabled={follow.isPending}
              onChange={(e) => follow.mutate({ topicId: topic.id, follow: e.target.checked })}
            />
            {topic.name}
          </label>
        ))}
      </div>
    </Card>
  );
}
