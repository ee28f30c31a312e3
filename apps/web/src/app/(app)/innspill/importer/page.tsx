import { getSessionActor } from "@innspill/auth";
import { can } from "@innspill/domain/shared";
import { Forbidden } from "@/components/Forbidden";
import { LetterImportView } from "./LetterImportView";

export default async function Page() {
  const actor = await getSessionActor();
  if (!can(actor, "library.edit")) return <Forbidden />;
  return <LetterImportView />;
}
