import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { LibrarySearch } from "@/components/library/LibrarySearch";
import { PositionsView } from "./PositionsView";

export default async function PositionsPage() {
  const t = await getTranslations("library");
  return (
    <>
      <PageHeader title={t("positionsTitle")} />
      <div className="space-y-4">
        <LibrarySearch />
        <PositionsView />
      </div>
    </>
  );
}
