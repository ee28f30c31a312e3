import { recordTitle } from "@/lib/metadata";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/session";
import { HearingDetail } from "./HearingDetail";
import { Prefetch, fetchQuery, trpc } from "@/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return recordTitle(
    async () => (await fetchQuery(trpc.hearing.byId.queryOptions({ id }))).hearing.title,
    "pageTitles.hearing",
  );
}

export default async function HearingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return (
    <Prefetch
      queries={[
        trpc.hearing.byId.queryOptions({ id }),
        trpc.hearing.formOptions.queryOptions(),
        trpc.submission.forHearing.queryOptions({ hearingId: id }),
      ]}
    >
      <HearingDetail id={id} actorId={actor.id} />
    </Prefetch>
  );
}
