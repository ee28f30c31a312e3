import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { IssuingBodiesView } from "./IssuingBodiesView";

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("issuingBodies")} />
      <IssuingBodiesView />
    </>
  );
}
