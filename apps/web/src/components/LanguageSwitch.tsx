import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions";

export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("app");
  const other = locale === "en" ? "nb" : "en";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className="text-sm text-blue-800 underline" aria-label={t("language")}>
        {other === "en" ? "English" : "Norsk bokmål"}
      </button>
    </form>
  );
}
