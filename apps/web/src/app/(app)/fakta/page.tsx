import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/server/session";
import { can } from "@innspill/domain/shared";
import { PageHeader } from "@/components/ui";
import { FactsView } from "./FactsView";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("library.factsTitle");

export default async function FactsPage() {
  const t = await getTranslations("library");
  const actor = await currentActor();
  return (
    <>
      <PageHeader title={t("factsTitle")} />
      <Prefetch queries={[trpc.library.facts.queryOptions()]}>
        <FactsView canEdit={can(actor, "library.edit")} />
      </Prefetch>
    </>
  );
}
