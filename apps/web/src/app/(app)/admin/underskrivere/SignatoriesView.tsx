"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Card, Field, Loading, buttonClass, inputClass, secondaryButtonClass } from "@/components/ui";
import { useDates } from "@/lib/dates";
import { errorData, useFormErrors } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { useIdempotentMutation } from "@/lib/idempotency";

interface TitleRow {
  title: string;
  validFrom: string;
  validTo: string | null;
}
interface Person {
  id: string;
  name: string;
  userId: string | null;
  active: boolean;
  version: number;
  titles: TitleRow[];
}

/** The register of people who sign letters, with the titles they have held and when. */
export function SignatoriesView() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const { date } = useDates();
  const list = useQuery(trpc.submission.signatories.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <Card>
        <p className="mb-3 text-sm text-slate-600">{t("signatoriesIntro")}</p>
        {list.isPending ? <Loading label={t("signatories")} /> : null}
        <ul className="divide-y divide-slate-100" data-testid="signatory-list">
          {list.data?.map((p) =>
            editing === p.id ? (
              <li key={p.id} className="py-3">
                <SignatoryForm person={p} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li
                key={p.id}
                className={`flex flex-wrap justify-between gap-2 py-3 text-sm ${p.active ? "" : "text-slate-500"}`}
              >
                <div>
                  <strong>{p.name}</strong>
                  {p.active ? null : <span className="ml-2 text-xs">({t("inactive")})</span>}
                  <ul className="mt-1 text-slate-600">
                    {p.titles.map((x) => (
                      <li key={`${x.title}${x.validFrom}`}>
                        {x.title}: {date(x.validFrom)} – {x.validTo ? date(x.validTo) : t("untilFurther")}
                      </li>
                    ))}
                  </ul>
                </div>
                <button type="button" className={secondaryButtonClass} onClick={() => setEditing(p.id)}>
                  {t("edit")}
                </button>
              </li>
            ),
          )}
        </ul>
      </Card>
      <Card title={t("addSignatory")}>
        <SignatoryForm person={null} onDone={() => undefined} />
      </Card>
    </div>
  );
}

function SignatoryForm({ person, onDone }: { person: Person | null; onDone: () => void }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const users = useQuery(trpc.user.list.queryOptions());
  const [name, setName] = useState(person?.name ?? "");
  const [userId, setUserId] = useState(person?.userId ?? "");
  const [active, setActive] = useState(person?.active ?? true);
  const [version, setVersion] = useState(person?.version ?? 1);
  const [titles, setTitles] = useState<TitleRow[]>(
    person?.titles.length ? [...person.titles].reverse() : [{ title: "", validFrom: "", validTo: null }],
  );
  const onSuccess = () => {
    form.clear();
    void queryClient.invalidateQueries({ queryKey: trpc.submission.signatories.queryKey() });
    if (!person) {
      setName("");
      setUserId("");
      setTitles([{ title: "", validFrom: "", validTo: null }]);
    }
    onDone();
  };
  const onError = (err: unknown) => {
    form.onError(err);
    const current = (errorData(err)?.details as { current?: Person } | null)?.current;
    if (current) setVersion(current.version);
  };
  const create = useIdempotentMutation(
    trpc.submission.createSignatory.mutationOptions({ onSuccess, onError }),
  );
  const update = useMutation(trpc.submission.updateSignatory.mutationOptions({ onSuccess, onError }));
  const prefix = person?.id ?? "new";
  const fe = form.fieldError;

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = { name, userId: userId || null, titles };
        if (person) update.mutate({ ...data, id: person.id, version, active });
        else create.mutate(data);
      }}
    >
      {form.error ? <Alert>{form.error}</Alert> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Field id={`${prefix}-name`} label={t("signatoryName")} error={fe("name")}>
          <input
            id={`${prefix}-name`}
            className={inputClass}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field
          id={`${prefix}-user`}
          label={t("signatoryUser")}
          error={fe("userId")}
          hint={t("signatoryUserHint")}
        >
          <select
            id={`${prefix}-user`}
            className={inputClass}
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
          >
            <option value="">{t("noUser")}</option>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("titles")}</legend>
        {fe("titles") ? <p className="text-sm text-red-700">{fe("titles")}</p> : null}
        <ul className="mt-1 space-y-2">
          {titles.map((row, i) => (
            <li key={i} className="grid gap-2 md:grid-cols-[2fr_1fr_1fr_auto]">
              <input
                className={inputClass}
                aria-label={t("personTitle")}
                placeholder={t("personTitle")}
                value={row.title}
                onChange={(e) =>
                  setTitles((ts) => ts.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))
                }
              />
              <input
                type="date"
                className={inputClass}
                aria-label={t("validFrom")}
                value={row.validFrom}
                onChange={(e) =>
                  setTitles((ts) => ts.map((x, j) => (j === i ? { ...x, validFrom: e.target.value } : x)))
                }
              />
              <input
                type="date"
                className={inputClass}
                aria-label={t("validTo")}
                value={row.validTo ?? ""}
                onChange={(e) =>
                  setTitles((ts) =>
                    ts.map((x, j) => (j === i ? { ...x, validTo: e.target.value || null } : x)),
                  )
                }
              />
              <button
                type="button"
                className="text-sm text-red-700 underline"
                onClick={() => setTitles((ts) => ts.filter((_, j) => j !== i))}
              >
                {t("removeTitle")}
              </button>
              {[`titles.${i}.title`, `titles.${i}.validFrom`, `titles.${i}.validTo`].map((k) =>
                fe(k) ? (
                  <p key={k} className="text-sm text-red-700 md:col-span-4">
                    {fe(k)}
                  </p>
                ) : null,
              )}
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="mt-2 text-sm text-blue-800 underline"
          onClick={() => setTitles((ts) => [...ts, { title: "", validFrom: "", validTo: null }])}
        >
          {t("addTitle")}
        </button>
      </fieldset>
      {person ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t("signatoryActive")}
        </label>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass} disabled={create.isPending || update.isPending}>
          {person ? t("save") : t("addSignatory")}
        </button>
        {person ? (
          <button type="button" className={secondaryButtonClass} onClick={onDone}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
