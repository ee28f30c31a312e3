import { getSessionActor } from "@innspill/auth";
import { LIBRARY_EDITORS } from "@innspill/domain";
import { Forbidden } from "@/components/Forbidden";
import { LetterImportView } from "@/components/imports/LetterImportView";

export default async function Page() {
  const actor = await getSessionActor();
  if (!actor || !(LIBRARY_EDITORS as readonly string[]).includes(actor.role)) return <Forbidden />;
  return <LetterImportView />;
}
