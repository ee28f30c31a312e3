import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader, ButtonLink } from "@/components/ui";
import { HearingsView } from "./HearingsView";
import { Prefetch, trpc } from "@/trpc/server";
import { fromSearchParams, hearingListInput, hearingListQuery } from "./list-input";

export const generateMetadata = pageTitle("hearings.title");

export default async function HearingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("hearings");
  const input = hearingListInput(fromSearchParams(await searchParams));
  return (
    <>
      <PageHeader title={t("title")} actions={<ButtonLink href="/horinger/ny">{t("new")}</ButtonLink>} />
      <Prefetch
        queries={[trpc.hearing.formOptions.queryOptions()]}
        infiniteQueries={[hearingListQuery(trpc, input)]}
      >
        <HearingsView />
      </Prefetch>
    </>
  );
}
