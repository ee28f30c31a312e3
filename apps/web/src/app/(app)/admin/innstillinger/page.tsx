import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { SettingsView } from "./SettingsView";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("admin.settings");

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("settings")} />
      <Prefetch queries={[trpc.admin.settings.queryOptions()]}>
        <SettingsView />
      </Prefetch>
    </>
  );
}
