import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-lg p-8">
      <h1 className="mb-4 text-xl font-semibold">{t("notFoundTitle")}</h1>
      <ButtonLink href="/" secondary>
        {t("backToOverview")}
      </ButtonLink>
    </main>
  );
}
