export type Role = "ADVISER" | "LEADER" | "ADMIN";

/** Main navigation: which roles see which section. Pages and procedures enforce the same roles on the server. */
export const NAV_ITEMS = [
  { href: "/", key: "overview", roles: ["ADVISER", "LEADER", "ADMIN"] },
  { href: "/horinger", key: "hearings", roles: ["ADVISER", "LEADER", "ADMIN"] },
  { href: "/nye-horinger", key: "radar", roles: ["ADVISER", "LEADER", "ADMIN"] },
  { href: "/standpunkter", key: "positions", roles: ["ADVISER", "LEADER", "ADMIN"] },
  { href: "/tekstblokker", key: "blocks", roles: ["ADVISER", "LEADER", "ADMIN"] },
  { href: "/fakta", key: "facts", roles: ["ADVISER", "LEADER", "ADMIN"] },
  { href: "/innspill", key: "submissions", roles: ["ADVISER", "LEADER", "ADMIN"] },
  { href: "/innsikt", key: "insight", roles: ["ADVISER", "LEADER", "ADMIN"] },
  { href: "/admin", key: "admin", roles: ["ADMIN"] },
] as const satisfies readonly { href: string; key: string; roles: readonly Role[] }[];

export function navFor(role: Role) {
  return NAV_ITEMS.filter((item) => (item.roles as readonly Role[]).includes(role));
}
