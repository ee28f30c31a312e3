import { getTranslations } from "next-intl/server";
import { ButtonLink } from "./ui";

export async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-amber-300 bg-amber-50 p-6" role="alert">
      <h1 className="mb-2 text-xl font-semibold text-amber-900">{t("forbiddenTitle")}</h1>
      <p className="mb-4 text-amber-900">{t("forbiddenText")}</p>
      <ButtonLink href="/" secondary>
        {t("backToOverview")}
      </ButtonLink>
    </div>
  );
}
