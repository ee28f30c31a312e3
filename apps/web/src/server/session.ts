import "server-only";
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
  if (!actor) redirect("/login");
  return actor;
}
