import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { OverviewView } from "./OverviewView";

export default async function OverviewPage() {
  const t = await getTranslations("overview");
  return (
    <>
      <PageHeader title={t("title")} />
      <OverviewView />
    </>
  );
}
