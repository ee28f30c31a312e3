import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui";

/** Submissions are assembled from the library in the composer (a later issue); until then this section is empty. */
export default async function SubmissionsPage() {
  const t = await getTranslations("library");
  return (
    <>
      <PageHeader title={t("submissionsTitle")} />
      <Card>
        <p className="text-sm text-slate-700">{t("submissionsIntro")}</p>
        <p className="mt-2 text-sm text-slate-500">{t("notYet")}</p>
      </Card>
    </>
  );
}
