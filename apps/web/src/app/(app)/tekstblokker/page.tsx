import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/server/session";
import { can } from "@innspill/domain/shared";
import { ButtonLink, PageHeader } from "@/components/ui";
import { LibrarySearch } from "@/components/library/LibrarySearch";
import { BlocksView } from "./BlocksView";
import { blockListQuery } from "./list-query";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("library.blocksTitle");

export default async function BlocksPage() {
  const t = await getTranslations("library");
  const actor = await currentActor();
  const canEdit = can(actor, "library.edit");
  return (
    <>
      <PageHeader
        title={t("blocksTitle")}
        actions={
          canEdit ? (
            <ButtonLink href="/tekstblokker/import" secondary>
              {t("import")}
            </ButtonLink>
          ) : undefined
        }
      />
      <div className="space-y-4">
        <LibrarySearch />
        <Prefetch queries={[]} infiniteQueries={[blockListQuery(trpc)]}>
          <BlocksView canEdit={canEdit} />
        </Prefetch>
      </div>
    </>
  );
}
