import { pageTitle } from "@/lib/metadata";
import { currentActor } from "@/server/session";
import { can } from "@innspill/domain/shared";
import { PositionDetail } from "./PositionDetail";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("pageTitles.position");

export default async function PositionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  return (
    <Prefetch queries={[trpc.library.position.queryOptions({ id })]}>
      <PositionDetail id={id} canEdit={can(actor, "library.edit")} />
    </Prefetch>
  );
}
