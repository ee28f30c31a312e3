import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/server/session";
import { can } from "@innspill/domain/shared";
import { Forbidden } from "@/components/Forbidden";
import { PageHeader } from "@/components/ui";
import { ImportView } from "./ImportView";

export const generateMetadata = pageTitle("library.importTitle");

export default async function ImportPage() {
  const actor = await currentActor();
  if (!can(actor, "library.edit")) return <Forbidden />;
  const t = await getTranslations("library");
  return (
    <>
      <PageHeader title={t("importTitle")} />
      <ImportView />
    </>
  );
}
