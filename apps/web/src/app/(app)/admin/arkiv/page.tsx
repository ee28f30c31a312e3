import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { ArchiveExportView } from "./ArchiveExportView";

export const generateMetadata = pageTitle("admin.archive");

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("archive")} />
      <ArchiveExportView />
    </>
  );
}
