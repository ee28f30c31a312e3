import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { AppShell } from "@/components/AppShell";
import { TRPCReactProvider } from "@/trpc/client";

export const dynamic = "force-dynamic";

/**
 * The signed-in pages whose client components read and change data in the browser: they get the tRPC client and the
 * messages. Oversikt, rendered on the server only, is in (oversikt) and loads neither.
 */
export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <AppShell>
      <NextIntlClientProvider>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </NextIntlClientProvider>
    </AppShell>
  );
}
