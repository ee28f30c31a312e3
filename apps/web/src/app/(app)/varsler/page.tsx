import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { NotificationsView } from "./NotificationsView";

export default async function NotificationsPage() {
  const t = await getTranslations("notifications");
  return (
    <>
      <PageHeader title={t("title")} />
      <NotificationsView />
    </>
  );
}
