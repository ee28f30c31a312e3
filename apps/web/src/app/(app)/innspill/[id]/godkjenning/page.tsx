import { getSessionActor } from "@innspill/auth";
import { ApprovalView } from "@/components/submissions/ApprovalView";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  return <ApprovalView id={id} actor={{ id: actor!.id, role: actor!.role }} />;
}
