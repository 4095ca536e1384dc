/** The console's sections; the sidebar is derived from this list (no central route table). */
export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/clusters", label: "Clusters" },
  { href: "/resources", label: "Resources" },
  { href: "/policies", label: "Policies" },
  { href: "/workflow", label: "Workflow" },
] as const;

export function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(href + "/");
}
