"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Renders a server-rendered page again every `seconds` while the tab is visible (Oversikt's lists and counts). */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
