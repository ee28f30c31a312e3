import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/server/session";
import { can } from "@innspill/domain/shared";
import { HearingForm } from "@/components/hearings/HearingForm";
import { Forbidden } from "@/components/Forbidden";
import { PageHeader } from "@/components/ui";

export const generateMetadata = pageTitle("hearings.new");

export default async function NewHearingPage() {
  const actor = await currentActor();
  if (!can(actor, "hearing.create")) return <Forbidden />;
  const t = await getTranslations("hearings");
  return (
    <>
      <PageHeader title={t("new")} />
      {/* The adviser registering the hearing is its responsible one unless they choose another (or nobody). */}
      <HearingForm defaultResponsibleId={actor?.role === "ADVISER" ? actor.id : undefined} />
    </>
  );
}
