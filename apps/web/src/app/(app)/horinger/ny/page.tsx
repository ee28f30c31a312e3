import { getTranslations } from "next-intl/server";
import { getSessionActor } from "@innspill/auth";
import { HEARING_EDITORS } from "@innspill/domain";
import { HearingForm } from "@/components/hearings/HearingForm";
import { Forbidden } from "@/components/Forbidden";
import { PageHeader } from "@/components/ui";

export default async function NewHearingPage() {
  const actor = await getSessionActor();
  if (!actor || !(HEARING_EDITORS as readonly string[]).includes(actor.role)) return <Forbidden />;
  const t = await getTranslations("hearings");
  return (
    <>
      <PageHeader title={t("new")} />
      <HearingForm />
    </>
  );
}
