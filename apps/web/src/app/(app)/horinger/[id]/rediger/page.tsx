import { recordTitle } from "@/lib/metadata";
import { fetchQuery, trpc } from "@/trpc/server";
import { currentActor } from "@/server/session";
import { can } from "@innspill/domain/shared";
import { Forbidden } from "@/components/Forbidden";
import { EditHearing } from "./EditHearing";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return recordTitle(
    async () => (await fetchQuery(trpc.hearing.byId.queryOptions({ id }))).hearing.title,
    "pageTitles.editHearing",
  );
}

export default async function EditHearingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!can(actor, "hearing.edit")) return <Forbidden />;
  return <EditHearing id={id} />;
}
