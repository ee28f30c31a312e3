import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { SettingsView } from "./SettingsView";

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("settings")} />
      <SettingsView />
    </>
  );
}
