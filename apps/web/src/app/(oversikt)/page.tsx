import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { osloDate } from "@innspill/domain/shared";
import { AutoRefresh } from "@/components/AutoRefresh";
import { PageHeader } from "@/components/ui";
import { requireActor } from "@/server/session";
import { fetchQuery, trpc } from "@/trpc/server";
import { OverviewView } from "./OverviewView";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const generateMetadata = pageTitle("overview.title");

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ maaned?: string }> }) {
  await requireActor();
  const { maaned } = await searchParams;
  // A month in the address that is not one shows this month rather than an error.
  const month = typeof maaned === "string" && MONTH.test(maaned) ? maaned : osloDate(new Date()).slice(0, 7);
  const [t, overview, calendar] = await Promise.all([
    getTranslations("overview"),
    fetchQuery(trpc.overview.get.queryOptions()),
    fetchQuery(trpc.overview.calendar.queryOptions({ month })),
  ]);
  return (
    <>
      <PageHeader title={t("title")} />
      <OverviewView overview={overview} calendar={{ month, events: calendar.events }} />
      <AutoRefresh seconds={60} />
    </>
  );
}
