import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@innspill/auth";
import { LIBRARY_EDITORS } from "@innspill/domain";
import { ButtonLink, PageHeader } from "@/components/ui";
import { LibrarySearch } from "@/components/library/LibrarySearch";
import { BlocksView } from "./BlocksView";

export default async function BlocksPage() {
  const t = await getTranslations("library");
  const actor = await getSessionActor();
  const canEdit = !!actor && (LIBRARY_EDITORS as readonly string[]).includes(actor.role);
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
        <BlocksView canEdit={canEdit} />
      </div>
    </>
  );
}
