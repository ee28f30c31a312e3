import { getSessionActor } from "@innspill/auth";
import { can } from "@innspill/domain/shared";
import { PositionDetail } from "./PositionDetail";

export default async function PositionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  return <PositionDetail id={id} canEdit={can(actor, "library.edit")} />;
}
