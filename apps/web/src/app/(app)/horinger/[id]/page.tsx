import { redirect } from "next/navigation";
import { getSessionActor } from "@innspill/auth";
import { HearingDetail } from "./HearingDetail";

export default async function HearingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  return <HearingDetail id={id} actorId={actor.id} />;
}
