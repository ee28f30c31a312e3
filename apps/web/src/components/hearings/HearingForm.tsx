"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import {
  HEARING_KINDS,
  hearingFields,
  type HearingFields,
  type HearingFieldsInput,
} from "@innspill/domain/shared";
import {
  Alert,
  Card,
  Field,
  LengthCounter,
  Loading,
  buttonClass,
  inputClass,
  secondaryButtonClass,
} from "../ui";
import { errorData, useDomainText, useErrorText } from "@/lib/errors";
import { useDates } from "@/lib/dates";
import type { HearingView } from "@/lib/types";
import { useTRPC } from "@/trpc/client";
import {
  EMPTY,
  FIELDS,
  draftKey,
  readDraft,
  same,
  toFormValues,
  type Draft,
  type FieldName,
  type FormValues,
} from "./hearing-form-values";
import { keepLocally } from "@/lib/local-drafts";
import { useIdempotentMutation } from "@/lib/idempotency";

/** The hearing form for "Ny høring" (no `hearing`) and editing. */
export function HearingForm({
  hearing,
  defaultResponsibleId,
}: {
  hearing?: HearingView;
  /** A new hearing's responsible adviser to start with: the adviser registering it. */
  defaultResponsibleId?: string;
}) {
  const t = useTranslations("hearings");
  const app = useTranslations("app");
  const kinds = useTranslations("kinds");
  const errors = useTranslations("errors");
  const domainText = useDomainText();
  const errorText = useErrorText();
  const { dateTime } = useDates();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const options = useQuery(trpc.hearing.formOptions.queryOptions());

  const initial = hearing ? toFormValues(hearing) : { ...EMPTY, responsibleId: defaultResponsibleId ?? "" };
  // Nothing typed is lost: unsaved input is kept in this browser and offered again on the next visit.
  const [draft] = useState(() => readDraft(hearing, initial));
  const [version, setVersion] = useState(hearing?.version ?? 0);
  const [conflict, setConflict] = useState<HearingView | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(draft?.savedAt ?? null);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<FormValues, unknown, HearingFields>({
    defaultValues: draft ? { ...initial, ...draft.values } : initial,
    // Same schema as the server; messages are keys translated below.
    resolver: zodResolver(hearingFields as never) as never,
    mode: "onTouched",
  });
  const { register, handleSubmit, formState, reset, setError, getValues } = form;
  // For the counters near the limits.
  const [title, summary, deadline] = useWatch({
    control: form.control,
    name: ["title", "summary", "deadline"],
  });
  // A deadline already passed is allowed (a hearing registered late, or for the record), but said.
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" });
  const deadlinePassed = !!deadline && deadline < today && deadline !== hearing?.deadline;

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          const draft: Draft = { values, savedAt: new Date().toISOString() };
          keepLocally(draftKey(hearing?.id), draft);
        },
      }),
    [form, hearing?.id],
  );

  function discardDraft() {
    window.localStorage.removeItem(draftKey(hearing?.id));
    reset(initial);
    setRestoredAt(null);
  }

  function onServerError(err: unknown) {
    const data = errorData(err);
    if (
      data?.code === "CONFLICT" &&
      data.details &&
      typeof data.details === "object" &&
      "current" in data.details
    ) {
      setConflict((data.details as { current: HearingView }).current);
      setFormError(null);
      return;
    }
    if (data?.fieldErrors) {
      for (const [field, messages] of Object.entries(data.fieldErrors)) {
        const name = field.replace(/^data\./, "") as Path<FormValues>;
        if ((FIELDS as string[]).includes(name)) setError(name, { message: messages[0] });
      }
    }
    setFormError(errorText(err));
  }

  function onSaved(saved: HearingView) {
    window.localStorage.removeItem(draftKey(hearing?.id));
    void queryClient.invalidateQueries({ queryKey: trpc.hearing.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.overview.pathKey() });
    router.push(`/horinger/${saved.id}`);
  }

  const create = useIdempotentMutation(
    trpc.hearing.create.mutationOptions({ onSuccess: onSaved, onError: onServerError }),
  );
  const update = useMutation(
    trpc.hearing.update.mutationOptions({ onSuccess: onSaved, onError: onServerError }),
  );
  const pending = create.isPending || update.isPending;

  const submit = handleSubmit(
    (data) => {
      setFormError(null);
      if (hearing) update.mutate({ id: hearing.id, version, data: data as HearingFieldsInput });
      else create.mutate(data as HearingFieldsInput);
    },
    () => setFormError(errors("formHasErrors")),
  );

  function keepMine() {
    if (!conflict) return;
    setVersion(conflict.version);
    setConflict(null);
    setTimeout(() => void submit(), 0);
  }
  function useTheirs() {
    if (!conflict) return;
    reset(toFormValues(conflict));
    setVersion(conflict.version);
    setConflict(null);
    window.localStorage.removeItem(draftKey(hearing?.id));
  }

  const err = (name: FieldName) => {
    const message = formState.errors[name]?.message;
    return message ? domainText(String(message)) : undefined;
  };
  const aria = (name: FieldName) => ({
    "aria-invalid": formState.errors[name] ? true : undefined,
    "aria-describedby": formState.errors[name] ? `${name}-error` : undefined,
  });

  // The form's choices are being read: «Laster …», not «Lagrer …» (nothing is being saved).
  if (options.isPending) return <Loading label={app("loading")} />;
  if (options.error) return <Alert>{errorText(options.error)}</Alert>;
  const { issuingBodies, advisers, users } = options.data;

  const conflictRows = conflict
    ? FIELDS.map((f) => {
        const theirs = toFormValues(conflict)[f];
        const mine = getValues(f);
        const label = (v: FormValues[FieldName]): string =>
          Array.isArray(v)
            ? v.map((id) => users.find((u) => u.id === id)?.name ?? id).join(", ")
            : f === "issuingBodyId"
              ? (issuingBodies.find((b) => b.id === v)?.name ?? v)
              : f === "responsibleId"
                ? (advisers.find((a) => a.id === v)?.name ?? v)
                : f === "kind"
                  ? kinds(v as never)
                  : v;
        return { f, mine: label(mine), theirs: label(theirs), differs: !same(mine, theirs) };
      }).filter((r) => r.differs)
    : [];

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="hearing-form">
      {restoredAt ? (
        <Alert kind="info">
          {t("draftRestored", { time: dateTime(new Date(restoredAt)) })}{" "}
          <button type="button" onClick={discardDraft} className="underline">
            {t("discardDraft")}
          </button>
        </Alert>
      ) : null}
      {conflict ? (
        <div
          className="rounded-md border border-amber-400 bg-amber-50 p-4"
          role="alert"
          data-testid="conflict"
        >
          <h2 className="mb-1 font-semibold text-amber-900">{t("conflictTitle")}</h2>
          <p className="mb-3 text-sm text-amber-900">{domainText("hearingConflict")}</p>
          <table className="mb-3 w-full text-left text-sm">
            <thead>
              <tr>
                <th className="pr-3">{t("conflictField")}</th>
                <th className="pr-3">{t("conflictMine")}</th>
                <th>{t("conflictTheirs")}</th>
              </tr>
            </thead>
            <tbody>
              {conflictRows.map((r) => (
                <tr key={r.f} className="align-top">
                  <td className="pr-3 font-medium">{t(`fields.${r.f}`)}</td>
                  <td className="pr-3">{r.mine || t("empty_value")}</td>
                  <td data-testid={`conflict-theirs-${r.f}`}>{r.theirs || t("empty_value")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={buttonClass} onClick={keepMine}>
              {t("conflictKeepMine")}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={useTheirs}>
              {t("conflictUseTheirs")}
            </button>
          </div>
        </div>
      ) : null}
      {formError && !conflict ? <Alert>{formError}</Alert> : null}

      <Card>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="md:col-span-2">
            <Field id="title" label={t("fields.title")} error={err("title")}>
              <input
                id="title"
                className={inputClass}
                maxLength={300}
                {...register("title")}
                {...aria("title")}
              />
              <LengthCounter value={title ?? ""} max={300} />
            </Field>
          </div>
          <Field id="issuingBodyId" label={t("fields.issuingBodyId")} error={err("issuingBodyId")}>
            <select
              id="issuingBodyId"
              className={inputClass}
              {...register("issuingBodyId")}
              {...aria("issuingBodyId")}
            >
              <option value="">{t("choose")}</option>
              {issuingBodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="kind" label={t("fields.kind")} error={err("kind")}>
            <select id="kind" className={inputClass} {...register("kind")} {...aria("kind")}>
              {HEARING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kinds(k)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="receivedDate" label={t("fields.receivedDate")} error={err("receivedDate")}>
            <input
              id="receivedDate"
              type="date"
              className={inputClass}
              {...register("receivedDate")}
              {...aria("receivedDate")}
            />
          </Field>
          <Field id="deadline" label={t("fields.deadline")} error={err("deadline")}>
            <input
              id="deadline"
              type="date"
              className={inputClass}
              {...register("deadline")}
              {...aria("deadline")}
            />
            {deadlinePassed ? (
              <p className="mt-1 text-sm text-amber-800" role="status" data-testid="deadline-passed">
                {t("deadlineAlreadyPassed")}
              </p>
            ) : null}
          </Field>
          <Field id="theirReference" label={t("fields.theirReference")} error={err("theirReference")}>
            <input
              id="theirReference"
              className={inputClass}
              {...register("theirReference")}
              {...aria("theirReference")}
            />
          </Field>
          <Field id="ourReference" label={t("fields.ourReference")} error={err("ourReference")}>
            <input
              id="ourReference"
              className={inputClass}
              {...register("ourReference")}
              {...aria("ourReference")}
            />
          </Field>
          <Field id="responsibleId" label={t("fields.responsibleId")} error={err("responsibleId")}>
            <select
              id="responsibleId"
              className={inputClass}
              {...register("responsibleId")}
              {...aria("responsibleId")}
            >
              <option value="">{t("noResponsible")}</option>
              {advisers.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="topics" label={t("fields.topics")} error={err("topics")} hint={t("fields.topicsHint")}>
            <input
              id="topics"
              className={inputClass}
              list="topic-options"
              {...register("topics")}
              {...aria("topics")}
            />
            <datalist id="topic-options">
              {options.data.topics.map((x) => (
                <option key={x.id} value={x.name} />
              ))}
            </datalist>
          </Field>
          <fieldset className="md:col-span-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("fields.participantIds")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {users.map((u) => (
                <label key={u.id} className="flex items-center gap-1">
                  <input type="checkbox" value={u.id} {...register("participantIds")} />
                  {u.name}
                </label>
              ))}
            </div>
            {err("participantIds") ? <p className="text-sm text-red-700">{err("participantIds")}</p> : null}
          </fieldset>
          <div className="md:col-span-2">
            <Field id="url" label={t("fields.url")} error={err("url")}>
              <input
                id="url"
                type="url"
                inputMode="url"
                className={inputClass}
                {...register("url")}
                {...aria("url")}
              />
            </Field>
          </div>
          <div className="md:col-span-2">
            <Field id="summary" label={t("fields.summary")} error={err("summary")}>
              <textarea
                id="summary"
                rows={5}
                className={inputClass}
                maxLength={5000}
                {...register("summary")}
                {...aria("summary")}
              />
              <LengthCounter value={summary ?? ""} max={5000} />
            </Field>
          </div>
        </div>
      </Card>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={pending || !!conflict}>
          {pending ? t("saving") : hearing ? t("save") : t("create")}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => router.push(hearing ? `/horinger/${hearing.id}` : "/horinger")}
        >
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
