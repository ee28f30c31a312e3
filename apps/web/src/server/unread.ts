import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@innspill/db";
import { countUnreadNotifications } from "@innspill/domain";
import type { Actor } from "@innspill/domain";

/** What the shell's bell shows: the unread count and its accessible name, in the user's language. */
export interface Unread {
  count: number;
  label: string;
}

export async function unreadFor(actor: Actor): Promise<Unread> {
  const [count, t] = await Promise.all([countUnreadNotifications(getDb(), actor), getTranslations()]);
  return { count, label: `${t("nav.notifications")}: ${t("app.unread", { count })}` };
}
