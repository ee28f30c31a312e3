import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { UsersView } from "./UsersView";

export default async function AdminUsersPage() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("users")} />
      <UsersView />
    </>
  );
}
