import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "./ui";

/** The library sections that later issues fill in (positions, text blocks, submissions). */
export async function LibrarySection({ section }: { section: "positions" | "blocks" | "submissions" }) {
  const t = await getTranslations("library");
  return (
    <>
      <PageHeader title={t(`${section}Title`)} />
      <Card>
        <p className="text-sm text-slate-700">{t(`${section}Intro`)}</p>
        <p className="mt-2 text-sm text-slate-500">{t("notYet")}</p>
      </Card>
    </>
  );
}
