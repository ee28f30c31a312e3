import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui";

export default async function Page() {
  const t = await getTranslations("library");
  return (
    <>
      <PageHeader title={t("positionsTitle")} />
      <Card>
        <p className="text-sm text-slate-700">{t("positionsIntro")}</p>
        <p className="mt-2 text-sm text-slate-500">{t("notYet")}</p>
      </Card>
    </>
  );
}
