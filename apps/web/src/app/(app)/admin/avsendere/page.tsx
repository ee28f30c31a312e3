import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { IssuingBodiesView } from "./IssuingBodiesView";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("admin.issuingBodies");

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("issuingBodies")} />
      <Prefetch queries={[trpc.admin.issuingBodies.queryOptions()]}>
        <IssuingBodiesView />
      </Prefetch>
    </>
  );
}
