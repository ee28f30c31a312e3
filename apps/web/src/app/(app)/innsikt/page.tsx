import { pageTitle } from "@/lib/metadata";
import { can } from "@innspill/domain/shared";
import { InsightView } from "./InsightView";
import { currentActor } from "@/server/session";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("insight.title");

export default async function Page() {
  const actor = await currentActor();
  return (
    <Prefetch queries={[trpc.letterImport.insight.queryOptions({ months: 12 })]}>
      <InsightView canReport={can(actor, "insight.reportOutcomes")} />
    </Prefetch>
  );
}
