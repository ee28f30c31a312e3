import type { ReactNode } from "react";
import { AppShell } from "@/components/AppShell";

export const dynamic = "force-dynamic";

/**
 * Oversikt, the page every user starts on, is rendered on the server with no client data layer and no message
 * runtime (the pages in (app) have both), so it is the lightest page to load, also on a phone.
 */
export default function OverviewLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
