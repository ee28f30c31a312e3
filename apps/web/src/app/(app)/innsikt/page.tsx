import { pageTitle } from "@/lib/metadata";
import { InsightView } from "./InsightView";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("insight.title");

export default function Page() {
  return (
    <Prefetch queries={[trpc.letterImport.insight.queryOptions({ months: 12 })]}>
      <InsightView />
    </Prefetch>
  );
}
