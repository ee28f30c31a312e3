import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * A page's `generateMetadata`: its own title, «<page> – Innspill» (the root layout's template), in the user's
 * language, so a tab, the history and a screen reader say which page this is (WCAG 2.4.2).
 * `key` is a message key such as "hearings.title".
 */
export function pageTitle(key: string) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations();
    return { title: t(key) };
  };
}

/** A title from the page's own record (a hearing's title), with `fallback` (a message key) when it cannot be read. */
export async function recordTitle(read: () => Promise<string | null | undefined>, fallback: string) {
  const t = await getTranslations();
  const name = await read().catch(() => null);
  return { title: name ? `${name} – ${t(fallback)}` : t(fallback) } satisfies Metadata;
}
