import { getSessionActor } from "@innspill/auth";
import { LIBRARY_EDITORS } from "@innspill/domain";
import { PositionDetail } from "./PositionDetail";

export default async function PositionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  return (
    <PositionDetail
      id={id}
      canEdit={!!actor && (LIBRARY_EDITORS as readonly string[]).includes(actor.role)}
    />
  );
}
