import { pageTitle } from "@/lib/metadata";
import { SubmissionsView } from "./SubmissionsView";
import { submissionListQuery } from "./list-query";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("pageTitles.letters");

export default function SubmissionsPage() {
  return (
    <Prefetch queries={[]} infiniteQueries={[submissionListQuery(trpc)]}>
      <SubmissionsView />
    </Prefetch>
  );
}
