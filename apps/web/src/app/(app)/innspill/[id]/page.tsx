import { recordTitle } from "@/lib/metadata";
import { ComposerView } from "./ComposerView";
import { positionIdsIn, positionLookupQuery } from "@/components/library/position-lookup";
import { Prefetch, fetchQuery, trpc } from "@/trpc/server";
import { env } from "@/env";
import { currentActor } from "@/server/session";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return recordTitle(
    async () => (await fetchQuery(trpc.submission.byId.queryOptions({ id }))).title,
    "pageTitles.letter",
  );
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await currentActor();
  // A letter that cannot be read shows its error in the browser, as ComposerView reads it.
  const letter = await fetchQuery(trpc.submission.byId.queryOptions({ id })).catch(() => null);
  // The library lookup of the composer: the facts, and the positions its sections name.
  const positionIds = positionIdsIn(letter?.sections.flatMap((s) => [s.body, s.library?.body]) ?? []);
  return (
    <Prefetch
      queries={[
        trpc.submission.byId.queryOptions({ id }),
        trpc.submission.signatories.queryOptions(),
        trpc.library.facts.queryOptions(),
        ...(positionIds.length ? [positionLookupQuery(trpc, positionIds)] : []),
      ]}
    >
      <ComposerView id={id} collabUrl={env.COLLAB_URL ?? null} me={me?.name ?? ""} />
    </Prefetch>
  );
}
