import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getSessionActor } from "@innspill/auth";
import { Forbidden } from "@/components/Forbidden";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await getSessionActor();
  if (actor?.role !== "ADMIN") return <Forbidden />;
  const t = await getTranslations("admin");
  return (
    <>
      <nav className="mb-4 flex flex-wrap gap-4 text-sm" aria-label={t("title")}>
        <Link href="/admin" className="text-blue-800 underline">
          {t("users")}
        </Link>
        <Link href="/admin/avsendere" className="text-blue-800 underline">
          {t("issuingBodies")}
        </Link>
        <Link href="/admin/innstillinger" className="text-blue-800 underline">
          {t("settings")}
        </Link>
        <Link href="/admin/utboks" className="text-blue-800 underline">
          {t("outbox")}
        </Link>
        <Link href="/admin/system" className="text-blue-800 underline">
          {t("system")}
        </Link>
      </nav>
      {children}
    </>
  );
}
