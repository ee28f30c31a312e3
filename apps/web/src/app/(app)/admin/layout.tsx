import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { can } from "@innspill/domain/shared";
import { currentActor } from "@/server/session";
import { Forbidden } from "@/components/Forbidden";

const SECTIONS = [
  ["/admin", "users"],
  ["/admin/avsendere", "issuingBodies"],
  ["/admin/underskrivere", "signatories"],
  ["/admin/innstillinger", "settings"],
  ["/admin/utboks", "outbox"],
  ["/admin/arkiv", "archive"],
  ["/admin/system", "system"],
] as const;

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!can(actor, "admin")) return <Forbidden />;
  const t = await getTranslations("admin");
  return (
    <>
      <nav className="mb-4 flex flex-wrap gap-4 text-sm" aria-label={t("title")}>
        {SECTIONS.map(([href, key]) => (
          <Link key={href} href={href} className="text-blue-800 underline">
            {t(key)}
          </Link>
        ))}
      </nav>
      {children}
    </>
  );
}
