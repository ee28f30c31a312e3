import { currentActor } from "@/server/session";
import { can } from "@innspill/domain/shared";
import { BlockPage } from "./BlockPage";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  return <BlockPage id={id} canEdit={can(actor, "library.edit")} />;
}
