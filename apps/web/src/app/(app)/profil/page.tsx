import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { ProfileView } from "./ProfileView";

export default async function ProfilePage() {
  const t = await getTranslations("profile");
  return (
    <>
      <PageHeader title={t("title")} />
      <ProfileView />
    </>
  );
}
