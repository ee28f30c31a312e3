import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { OutboxView } from "./OutboxView";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("admin.outbox");

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("outbox")} />
      <Prefetch queries={[trpc.admin.outbox.queryOptions()]}>
        <OutboxView />
      </Prefetch>
    </>
  );
}
