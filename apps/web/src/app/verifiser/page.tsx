import { pageTitle } from "@/lib/metadata";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { VerifyForm } from "./VerifyForm";

/** Public: anyone holding a PDF can check whether it is a signed Innspill document. */
export const generateMetadata = pageTitle("verify.title");

export default async function VerifyPage() {
  const t = await getTranslations("verify");
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 text-sm text-slate-700">{t("intro")}</p>
      <NextIntlClientProvider>
        <VerifyForm />
      </NextIntlClientProvider>
    </main>
  );
}
