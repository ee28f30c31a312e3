import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { SystemView } from "./SystemView";

export default async function SystemPage() {
  const t = await getTranslations("system");
  return (
    <>
      <PageHeader title={t("title")} />
      <SystemView />
    </>
  );
}
