import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { SystemView } from "./SystemView";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("system.title");

export default async function SystemPage() {
  const t = await getTranslations("system");
  return (
    <>
      <PageHeader title={t("title")} />
      <Prefetch queries={[trpc.system.status.queryOptions(), trpc.radar.sources.queryOptions()]}>
        <SystemView />
      </Prefetch>
    </>
  );
}
