import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionActor } from "@innspill/auth";

/** The request's acting user, looked up once per server render however many layouts, pages and calls ask. */
export const currentActor = cache(getSessionActor);

/**
 * The acting user, or off to the login page. Layouts and pages render in parallel, so a page that reads data itself
 * asks this too instead of relying on its layout's redirect.
 */
export async function requireActor() {
  const actor = await currentActor();
  if (!actor) {
    // A session that ended on the server (logout, expiry) with its cookie still in the browser: the login page, then
    // back to this page (the proxy names it), as for a visitor without a cookie.
    const path = (await headers()).get(PAGE_PATH_HEADER);
    redirect(
      path?.startsWith("/") && !path.startsWith("//")
        ? `/login?callbackUrl=${encodeURIComponent(path)}`
        : "/login",
    );
  }
  return actor;
}

/** Set by proxy.ts on every page request: the path and query the browser asked for. */
const PAGE_PATH_HEADER = "x-innspill-path";
