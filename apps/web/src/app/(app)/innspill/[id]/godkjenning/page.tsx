import { recordTitle } from "@/lib/metadata";
import { oidcName } from "@innspill/auth";
import { requireActor } from "@/server/session";
import { ApprovalView } from "./ApprovalView";
import { Prefetch, fetchQuery, trpc } from "@/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return recordTitle(
    async () => (await fetchQuery(trpc.submission.byId.queryOptions({ id }))).title,
    "pageTitles.approval",
  );
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  return (
    <Prefetch queries={[trpc.submission.approvalView.queryOptions({ id })]}>
      <ApprovalView id={id} ssoName={oidcName} actorId={actor.id} />
    </Prefetch>
  );
}
