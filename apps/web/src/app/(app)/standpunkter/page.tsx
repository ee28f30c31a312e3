import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { LibrarySearch } from "@/components/library/LibrarySearch";
import { Prefetch, trpc } from "@/trpc/server";
import { PositionsView } from "./PositionsView";
import { positionListQuery, statusParam } from "./list-query";

export const generateMetadata = pageTitle("library.positionsTitle");

export default async function PositionsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  const t = await getTranslations("library");
  // As PositionsView reads it: one status filter, the search form's.
  const status = statusParam((await searchParams).status);
  return (
    <>
      <PageHeader title={t("positionsTitle")} />
      <div className="space-y-4">
        <LibrarySearch />
        <Prefetch queries={[]} infiniteQueries={[positionListQuery(trpc, status)]}>
          <PositionsView />
        </Prefetch>
      </div>
    </>
  );
}
