import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSessionActor } from "@innspill/auth";
import { AppShell } from "@/components/AppShell";
import { TRPCReactProvider } from "@/trpc/client";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // The proxy already requires a session; this also catches users deactivated since they logged in.
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  return (
    <TRPCReactProvider>
      <AppShell user={actor}>{children}</AppShell>
    </TRPCReactProvider>
  );
}
