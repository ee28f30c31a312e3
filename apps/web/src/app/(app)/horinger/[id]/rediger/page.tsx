import { getSessionActor } from "@innspill/auth";
import { HEARING_EDITORS } from "@innspill/domain";
import { Forbidden } from "@/components/Forbidden";
import { EditHearing } from "./EditHearing";

export default async function EditHearingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  if (!actor || !(HEARING_EDITORS as readonly string[]).includes(actor.role)) return <Forbidden />;
  return <EditHearing id={id} />;
}
