import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@innspill/auth";
import { can } from "@innspill/domain/shared";
import { Forbidden } from "@/components/Forbidden";
import { PageHeader } from "@/components/ui";
import { ImportView } from "./ImportView";

export default async function ImportPage() {
  const actor = await getSessionActor();
  if (!can(actor, "library.edit")) return <Forbidden />;
  const t = await getTranslations("library");
  return (
    <>
      <PageHeader title={t("importTitle")} />
      <ImportView />
    </>
  );
}
