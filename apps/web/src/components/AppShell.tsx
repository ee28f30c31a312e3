import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { navFor } from "@innspill/auth/roles";
import { LanguageSwitch } from "./LanguageSwitch";
import { NavLinks } from "./NavLinks";
import { NotificationBell } from "./NotificationBell";
import { ShellMenu } from "./ShellMenu";
import { DraftOwner, LogoutButton } from "./SessionDrafts";
import { requireActor } from "@/server/session";
import { unreadFor } from "@/server/unread";

/**
 * The frame of every signed-in page. Server-rendered: its few interactive parts are small client islands that get
 * their text as props, so a page that needs no client data layer (Oversikt) loads none.
 */
export async function AppShell({ children }: { children: ReactNode }) {
  // The proxy already requires a session; this also catches users deactivated since they logged in.
  const user = await requireActor();
  const [t, unread] = await Promise.all([getTranslations(), unreadFor(user)]);
  const items = navFor(user.role).map((item) => ({ href: item.href, label: t(`nav.${item.key}`) }));
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only">
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 md:gap-x-6 md:py-3">
          <Link href="/" className="inline-flex min-h-11 items-center text-lg font-semibold text-blue-900">
            {t("app.name")}
          </Link>
          <ShellMenu label={t("app.menu")}>
            <NavLinks items={items} label={t("app.menu")} />
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm md:ml-auto">
              <Link
                href="/profil"
                className="inline-flex min-h-11 items-center text-slate-700 hover:underline"
                title={t("nav.profile")}
              >
                {user.name} <span className="ml-1 text-slate-600">· {t(`app.roles.${user.role}`)}</span>
              </Link>
              <LanguageSwitch />
              <LogoutButton label={t("app.logout")} />
            </div>
          </ShellMenu>
          <div className="ml-auto md:ml-0">
            <NotificationBell initial={unread} />
          </div>
        </div>
      </header>
      <DraftOwner userId={user.id} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
