import { getSessionActor } from "@innspill/auth";
import { SUBMISSION_EDITORS } from "@innspill/domain";
import { Composer } from "@/components/submissions/Composer";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getSessionActor();
  return (
    <Composer id={id} canEdit={!!actor && (SUBMISSION_EDITORS as readonly string[]).includes(actor.role)} />
  );
}
