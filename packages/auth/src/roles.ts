import { can, type Action } from "@innspill/domain/shared";

export type Role = "ADVISER" | "LEADER" | "ADMIN";

/**
 * Main navigation. A section with an `action` is shown to those who may do it (`can`, the permission table in the
 * domain's access/permissions.ts); the others to every logged-in user. Pages and procedures enforce the same actions on the server.
 */
export const NAV_ITEMS: readonly { href: string; key: string; action?: Action }[] = [
  { href: "/", key: "overview" },
  { href: "/horinger", key: "hearings" },
  { href: "/nye-horinger", key: "radar" },
  { href: "/standpunkter", key: "positions" },
  { href: "/tekstblokker", key: "blocks" },
  { href: "/fakta", key: "facts" },
  { href: "/innspill", key: "submissions" },
  { href: "/innsikt", key: "insight" },
  { href: "/admin", key: "admin", action: "admin" },
];

export function navFor(role: Role) {
  return NAV_ITEMS.filter((item) => !item.action || can({ role }, item.action));
}
