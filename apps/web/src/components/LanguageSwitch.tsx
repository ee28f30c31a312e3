import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions";

export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("app");
  const other = locale === "en" ? "nb" : "en";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        className="min-h-11 text-sm text-blue-800 underline"
        // The name is what it says, in the language it says it in; the title says what it does.
        lang={other}
        title={t("language")}
      >
        {other === "en" ? "English" : "Norsk bokmål"}
      </button>
    </form>
  );
}
