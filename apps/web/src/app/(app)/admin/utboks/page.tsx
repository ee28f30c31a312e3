import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { OutboxView } from "./OutboxView";

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("outbox")} />
      <OutboxView />
    </>
  );
}
