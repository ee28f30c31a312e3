"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent } from "react";
import { IssuingBodyType } from "@innspill/domain/shared";
import {
  Alert,
  Card,
  Field,
  Loading,
  buttonClass,
  inputClass,
  secondaryButtonClass,
  ScrollRegion,
} from "@/components/ui";
import { useFormErrors } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";
import { useIdempotentMutation } from "@/lib/idempotency";

const TYPES = Object.values(IssuingBodyType);

export function IssuingBodiesView() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const bodies = useQuery(trpc.admin.issuingBodies.queryOptions());
  const form = useFormErrors();
  const onError = (err: unknown) => {
    form.onError(err);
    // A conflict: someone else changed the list; show it as it is now.
    void queryClient.invalidateQueries({ queryKey: trpc.admin.issuingBodies.queryKey() });
  };
  const onSuccess = () => {
    form.clear();
    void queryClient.invalidateQueries({ queryKey: trpc.admin.issuingBodies.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.hearing.formOptions.queryKey() });
  };
  const create = useIdempotentMutation(trpc.admin.createIssuingBody.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.admin.updateIssuingBody.mutationOptions({ onSuccess, onError }));

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    create.mutate(
      {
        name: String(fd.get("name") ?? ""),
        shortName: String(fd.get("shortName") ?? ""),
        type: String(fd.get("type")) as (typeof TYPES)[number],
      },
      { onSuccess: () => form.reset() },
    );
  }
  const fe = form.fieldError;

  return (
    <div className="space-y-4">
      {form.error ? <Alert>{form.error}</Alert> : null}
      <Card>
        {bodies.isPending ? <Loading label={t("issuingBodies")} /> : null}
        {/* On a phone the table scrolls within its card, not the page. */}
        <ScrollRegion label={t("issuingBodies")}>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th className="py-2 pr-3">{t("bodyName")}</th>
                <th className="py-2 pr-3">{t("bodyType")}</th>
                <th className="py-2 pr-3">{t("bodyHearings")}</th>
                <th className="py-2">{t("status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {bodies.data?.map((b) => (
                <tr key={b.id} className={b.active ? "" : "text-slate-500"}>
                  <td className="py-2 pr-3">
                    {b.name}
                    {b.shortName ? <span className="text-slate-500"> ({b.shortName})</span> : null}
                  </td>
                  <td className="py-2 pr-3">
                    <select
                      className={`${inputClass} py-1`}
                      aria-label={`${t("bodyType")}: ${b.name}`}
                      value={b.type}
                      onChange={(e) =>
                        update.mutate({
                          id: b.id,
                          version: b.version,
                          name: b.name,
                          shortName: b.shortName,
                          type: e.target.value as never,
                          active: b.active,
                        })
                      }
                    >
                      {TYPES.map((x) => (
                        <option key={x} value={x}>
                          {t(`bodyTypes.${x}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-2 pr-3">{b.hearingCount}</td>
                  <td className="py-2">
                    <button
                      type="button"
                      className={secondaryButtonClass}
                      onClick={() =>
                        update.mutate({
                          id: b.id,
                          version: b.version,
                          name: b.name,
                          shortName: b.shortName,
                          type: b.type,
                          active: !b.active,
                        })
                      }
                    >
                      {b.active ? t("deactivate") : t("activate")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>
      <Card title={t("addBody")}>
        <form onSubmit={onCreate} className="grid gap-4 md:grid-cols-4" noValidate>
          <div className="md:col-span-2">
            <Field id="body-name" label={t("bodyName")} error={fe("name")}>
              <input id="body-name" name="name" className={inputClass} />
            </Field>
          </div>
          <Field id="body-short" label={t("bodyShortName")} error={fe("shortName")}>
            <input id="body-short" name="shortName" className={inputClass} />
          </Field>
          <Field id="body-type" label={t("bodyType")} error={fe("type")}>
            <select id="body-type" name="type" className={inputClass} defaultValue="DEPARTEMENT">
              {TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`bodyTypes.${x}`)}
                </option>
              ))}
            </select>
          </Field>
          <div>
            <button type="submit" className={buttonClass} disabled={create.isPending}>
              {t("addBody")}
            </button>
          </div>
        </form>
      </Card>
    </div>
  );
}
