import { getTranslations } from "next-intl/server";
import { PageHeader, ButtonLink } from "@/components/ui";
import { HearingsView } from "./HearingsView";

export default async function HearingsPage() {
  const t = await getTranslations("hearings");
  return (
    <>
      <PageHeader title={t("title")} actions={<ButtonLink href="/horinger/ny">{t("new")}</ButtonLink>} />
      <HearingsView />
    </>
  );
}
