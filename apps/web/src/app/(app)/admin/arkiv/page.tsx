import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { ArchiveExportView } from "./ArchiveExportView";

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("archive")} />
      <ArchiveExportView />
    </>
  );
}
