import { pageTitle } from "@/lib/metadata";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { UsersView } from "./UsersView";
import { Prefetch, trpc } from "@/trpc/server";

export const generateMetadata = pageTitle("admin.users");

export default async function AdminUsersPage() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("users")} />
      <Prefetch queries={[trpc.user.list.queryOptions()]}>
        <UsersView />
      </Prefetch>
    </>
  );
}
