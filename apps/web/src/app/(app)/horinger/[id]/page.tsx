import { redirect } from "next/navigation";
import { getSessionActor } from "@innspill/auth";
import { HEARING_EDITORS } from "@innspill/domain";
import { HearingDetail } from "./HearingDetail";

export default async function HearingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  const canEdit = (HEARING_EDITORS as readonly string[]).includes(actor.role);
  return <HearingDetail id={id} canEdit={canEdit} actorId={actor.id} />;
}
