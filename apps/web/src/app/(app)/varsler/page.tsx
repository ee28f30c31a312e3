import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { NotificationsView } from "./NotificationsView";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("notifications.title");

export default async function NotificationsPage() {
  const t = await getTranslations("notifications");
  return (
    <>
      <PageHeader title={t("title")} />
      <Prefetch queries={[trpc.me.notifications.queryOptions()]}>
        <NotificationsView />
      </Prefetch>
    </>
  );
}
