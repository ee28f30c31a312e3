"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { HearingForm } from "@/components/hearings/HearingForm";
import { Alert, Loading, PageHeader } from "@/components/ui";
import { useErrorText } from "@/lib/errors";
import { useTRPC } from "@/trpc/client";

export function EditHearing({ id }: { id: string }) {
  const t = useTranslations("hearings");
  const trpc = useTRPC();
  const errorText = useErrorText();
  // Read once: the form keeps the version it started from, so a save after someone else's is a CONFLICT.
  const query = useQuery({
    ...trpc.hearing.byId.queryOptions({ id }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (query.isPending) return <Loading label={t("title")} />;
  if (query.error) return <Alert>{errorText(query.error)}</Alert>;
  return (
    <>
      <PageHeader title={`${t("edit")}: ${query.data.hearing.title}`} />
      <HearingForm hearing={query.data.hearing} />
    </>
  );
}
