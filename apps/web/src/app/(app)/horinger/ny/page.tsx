import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@innspill/auth";
import { can } from "@innspill/domain/shared";
import { HearingForm } from "@/components/hearings/HearingForm";
import { Forbidden } from "@/components/Forbidden";
import { PageHeader } from "@/components/ui";

export default async function NewHearingPage() {
  const actor = await getSessionActor();
  if (!can(actor, "hearing.create")) return <Forbidden />;
  const t = await getTranslations("hearings");
  return (
    <>
      <PageHeader title={t("new")} />
      <HearingForm />
    </>
  );
}
