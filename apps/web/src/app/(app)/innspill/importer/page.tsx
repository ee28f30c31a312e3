import { pageTitle } from "@/lib/metadata";
import { currentActor } from "@/server/session";
import { can } from "@innspill/domain/shared";
import { Forbidden } from "@/components/Forbidden";
import { LetterImportView } from "./LetterImportView";
import { importHearingsInput } from "./hearings-input";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("letterImport.title");

export default async function Page() {
  const actor = await currentActor();
  if (!can(actor, "library.edit")) return <Forbidden />;
  return (
    <Prefetch
      queries={[
        trpc.hearing.formOptions.queryOptions(),
        trpc.hearing.list.queryOptions(importHearingsInput("")),
      ]}
    >
      <LetterImportView />
    </Prefetch>
  );
}
