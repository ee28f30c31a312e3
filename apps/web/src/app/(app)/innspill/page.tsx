import { SubmissionsView } from "./SubmissionsView";
import { Prefetch, trpc } from "@/trpc/server";

export default function SubmissionsPage() {
  return (
    <Prefetch queries={[trpc.submission.list.queryOptions()]}>
      <SubmissionsView />
    </Prefetch>
  );
}
