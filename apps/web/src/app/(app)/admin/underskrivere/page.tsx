import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui";
import { SignatoriesView } from "./SignatoriesView";

export default async function Page() {
  const t = await getTranslations("admin");
  return (
    <>
      <PageHeader title={t("signatories")} />
      <SignatoriesView />
    </>
  );
}
