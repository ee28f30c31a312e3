import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { LibrarySearch } from "@/components/library/LibrarySearch";
import { PositionStatus } from "@innspill/domain/shared";
import { Prefetch, trpc } from "@/trpc/server";
import { PositionsView } from "./PositionsView";

export default async function PositionsPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  const t = await getTranslations("library");
  // As PositionsView reads it: one status filter, the search form's.
  const param = (await searchParams).status;
  const status = Object.values(PositionStatus).find((s) => s === param);
  return (
    <>
      <PageHeader title={t("positionsTitle")} />
      <div className="space-y-4">
        <LibrarySearch />
        <Prefetch queries={[trpc.library.positions.queryOptions(status ? { status } : {})]}>
          <PositionsView />
        </Prefetch>
      </div>
    </>
  );
}
