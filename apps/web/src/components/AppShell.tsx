import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { navFor, type Role } from "@innspill/auth/roles";
import { LanguageSwitch } from "./LanguageSwitch";
import { NavLinks } from "./NavLinks";
import { NotificationBell } from "./NotificationBell";
import { DraftOwner, LogoutButton } from "./SessionDrafts";

export async function AppShell({
  user,
  children,
}: {
  user: { id: string; name: string; role: Role };
  children: ReactNode;
}) {
  const t = await getTranslations();
  const items = navFor(user.role).map((item) => ({ href: item.href, label: t(`nav.${item.key}`) }));
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only">
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-blue-900">
            {t("app.name")}
          </Link>
          <NavLinks items={items} label={t("app.menu")} />
          <div className="ml-auto flex items-center gap-4 text-sm">
            <NotificationBell />
            <Link href="/profil" className="text-slate-700 hover:underline" title={t("nav.profile")}>
              {user.name} <span className="text-slate-500">· {t(`app.roles.${user.role}`)}</span>
            </Link>
            <LanguageSwitch />
            <LogoutButton />
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
