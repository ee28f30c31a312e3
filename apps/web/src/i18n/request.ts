import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { domainMessages } from "@innspill/domain/shared";
import nb from "../messages/nb.json";
import en from "../messages/en.json";

export const LOCALES = ["nb", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "innspill-locale";

export async function currentLocale(): Promise<AppLocale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return value === "en" ? "en" : "nb";
}

/** Bokmål by default; English when the user has chosen it. Domain messages live under `domain`. */
export default getRequestConfig(async () => {
  const locale = await currentLocale();
  const messages = locale === "en" ? en : nb;
  return {
    locale,
    timeZone: "Europe/Oslo",
    messages: { ...messages, domain: domainMessages[locale] },
  };
});
