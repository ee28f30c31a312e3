import { ComposerView } from "./ComposerView";
import { Prefetch, trpc } from "@/trpc/server";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Prefetch
      queries={[
        trpc.submission.byId.queryOptions({ id }),
        trpc.submission.signatories.queryOptions(),
        // The library lookup of the composer: facts and positions its sections name.
        trpc.library.facts.queryOptions(),
        trpc.library.positions.queryOptions({}),
      ]}
    >
      <ComposerView id={id} />
    </Prefetch>
  );
}
