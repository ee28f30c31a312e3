import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { Prefetch, trpc } from "@/trpc/server";
import { NewHearingsView } from "./NewHearingsView";

export const generateMetadata = pageTitle("radar.title");

export default async function NewHearingsPage() {
  const t = await getTranslations("radar");
  return (
    <>
      <PageHeader title={t("title")} />
      <Prefetch queries={[trpc.radar.list.queryOptions({ state: "NEW" }), trpc.radar.topics.queryOptions()]}>
        <NewHearingsView />
      </Prefetch>
    </>
  );
}
