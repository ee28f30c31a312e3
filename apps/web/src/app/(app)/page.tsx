import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { Prefetch, trpc } from "@/trpc/server";
import { OverviewView } from "./OverviewView";

export default async function OverviewPage() {
  const t = await getTranslations("overview");
  return (
    <>
      <PageHeader title={t("title")} />
      <Prefetch queries={[trpc.overview.get.queryOptions()]}>
        <OverviewView />
      </Prefetch>
    </>
  );
}
