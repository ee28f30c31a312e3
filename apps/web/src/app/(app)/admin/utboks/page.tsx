import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { OutboxView } from "./OutboxView";
import { Prefetch, trpc } from "@/trpc/server";

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
