import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { SignatoriesView } from "./SignatoriesView";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("admin.signatories");

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("signatories")} />
      <Prefetch queries={[trpc.submission.signatories.queryOptions(), trpc.user.list.queryOptions()]}>
        <SignatoriesView />
      </Prefetch>
    </>
  );
}
