import { recordTitle } from "@/lib/metadata";
import { fetchQuery, trpc } from "@/trpc/server";
import { currentActor } from "@/server/session";
import { can } from "@innspill/domain/shared";
import { BlockPage } from "./BlockPage";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return recordTitle(
    async () => (await fetchQuery(trpc.library.block.queryOptions({ id }))).heading,
    "pageTitles.block",
  );
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  return <BlockPage id={id} canEdit={can(actor, "library.edit")} />;
}
