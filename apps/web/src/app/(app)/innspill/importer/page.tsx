import { getSessionActor } from "@innspill/auth";
import { can } from "@innspill/domain/shared";
import { Forbidden } from "@/components/Forbidden";
import { LetterImportView } from "./LetterImportView";
import { Prefetch, trpc } from "@/trpc/server";

export default async function Page() {
  const actor = await getSessionActor();
  if (!can(actor, "library.edit")) return <Forbidden />;
  return (
    <Prefetch
      queries={[
        trpc.hearing.formOptions.queryOptions(),
        trpc.hearing.list.queryOptions({ includeClosed: true, sort: "deadline_desc" }),
      ]}
    >
      <LetterImportView />
    </Prefetch>
  );
}
