"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent } from "react";
import { FactFormat } from "@innspill/domain/shared";
import { Alert, Card, Field, Loading, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { useFormErrors } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { useIdempotentMutation } from "@/lib/idempotency";

const FORMATS = Object.values(FactFormat);

export function FactsView({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("library");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { date } = useDates();
  const facts = useQuery(trpc.library.facts.queryOptions());
  const form = useFormErrors();
  const onSuccess = () => {
    form.clear();
    void queryClient.invalidateQueries({ queryKey: trpc.library.facts.queryKey() });
  };
  const onError = form.onError;
  const create = useIdempotentMutation(trpc.library.createFact.mutationOptions({ onSuccess, onError }));
  const addValue = useIdempotentMutation(trpc.library.addFactValue.mutationOptions({ onSuccess, onError }));
  const fe = form.fieldError;

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    create.mutate(
      {
        key: String(fd.get("key") ?? ""),
        label: String(fd.get("label") ?? ""),
        format: String(fd.get("format")) as (typeof FORMATS)[number],
        staleAfterDays: Number(fd.get("staleAfterDays") ?? 365),
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <div className="space-y-4">
      {form.error ? <Alert>{form.error}</Alert> : null}
      {facts.isPending ? <Loading label={t("factsTitle")} /> : null}
      {facts.data?.map((f) => (
        <Card key={f.id}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-semibold">
              {f.label} <span className="font-mono text-xs text-slate-500">{f.key}</span>
            </h2>
            <p className="text-sm">
              {t("factCurrent")}: <strong>{f.current?.formatted ?? t("factNoValue")}</strong>
              {f.stale ? (
                <span className="ml-2 rounded-full bg-amber-100 px-2 text-xs text-amber-900">
                  {t("stale")}
                </span>
              ) : null}
            </p>
          </div>
          <ul className="mt-2 text-sm text-slate-700">
            {f.values.map((v) => (
              <li key={v.id}>
                {date(v.validFrom)}: {v.value}
                {v.source ? <span className="text-slate-500"> – {v.source}</span> : null}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <form
              className="mt-2 flex flex-wrap items-end gap-2 text-sm"
              onSubmit={(e) => {
                e.preventDefault();
                const form = e.currentTarget;
                const fd = new FormData(form);
                addValue.mutate(
                  {
                    factId: f.id,
                    validFrom: String(fd.get("validFrom") ?? ""),
                    value: String(fd.get("value") ?? ""),
                    source: String(fd.get("source") ?? ""),
                    sourceUrl: String(fd.get("sourceUrl") ?? ""),
                  },
                  { onSuccess: () => form.reset() },
                );
              }}
            >
              <label>
                {t("validFrom")}
                <input name="validFrom" type="date" className={inputClass} />
              </label>
              <label>
                {t("value")}
                <input name="value" className={inputClass} />
              </label>
              <label>
                {t("source")}
                <input name="source" className={inputClass} />
              </label>
              <label>
                {t("sourceUrl")}
                <input name="sourceUrl" type="url" className={inputClass} />
              </label>
              <button type="submit" className={secondaryButtonClass} disabled={addValue.isPending}>
                {t("addValue")}
              </button>
            </form>
          ) : null}
        </Card>
      ))}
      {canEdit ? (
        <Card title={t("newFact")}>
          <form onSubmit={onCreate} className="grid gap-3 md:grid-cols-4" noValidate>
            <Field id="fact-key" label={t("factKey")} error={fe("key")}>
              <input id="fact-key" name="key" className={inputClass} placeholder="org.memberCount" />
            </Field>
            <Field id="fact-label" label={t("factLabel")} error={fe("label")}>
              <input id="fact-label" name="label" className={inputClass} />
            </Field>
            <Field id="fact-format" label={t("factFormat")}>
              <select id="fact-format" name="format" className={inputClass} defaultValue="NUMBER">
                {FORMATS.map((x) => (
                  <option key={x} value={x}>
                    {t(`factFormats.${x}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="fact-stale" label={t("factStaleAfter")}>
              <input
                id="fact-stale"
                name="staleAfterDays"
                type="number"
                defaultValue={365}
                className={inputClass}
              />
            </Field>
            <div>
              <button type="submit" className={buttonClass} disabled={create.isPending}>
                {t("create")}
              </button>
            </div>
          </form>
        </Card>
      ) : null}
    </div>
  );
}
