import { oidcName } from "@innspill/auth";
import { ApprovalView } from "./ApprovalView";
import { Prefetch, trpc } from "@/trpc/server";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Prefetch queries={[trpc.submission.approvalView.queryOptions({ id })]}>
      <ApprovalView id={id} ssoName={oidcName} />
    </Prefetch>
  );
}
