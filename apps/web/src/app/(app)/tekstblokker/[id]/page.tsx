import { getSessionActor } from "@innspill/auth";
import { LIBRARY_EDITORS } from "@innspill/domain";
import { BlockPage } from "./BlockPage";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  return (
    <BlockPage id={id} canEdit={!!actor && (LIBRARY_EDITORS as readonly string[]).includes(actor.role)} />
  );
}
