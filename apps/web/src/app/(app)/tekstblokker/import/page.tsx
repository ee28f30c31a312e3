import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@innspill/auth";
import { LIBRARY_EDITORS } from "@innspill/domain";
import { Forbidden } from "@/components/Forbidden";
import { PageHeader } from "@/components/ui";
import { ImportView } from "./ImportView";

export default async function ImportPage() {
  const actor = await getSessionActor();
  if (!actor || !(LIBRARY_EDITORS as readonly string[]).includes(actor.role)) return <Forbidden />;
  const t = await getTranslations("library");
  return (
    <>
      <PageHeader title={t("importTitle")} />
      <ImportView />
    </>
  );
}
