// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const nav = vi.hoisted(() => ({ replace: vi.fn(), push: vi.fn(), pathname: "/clusters", search: "q=eu&page=2" }));
vi.mock("next/navigation", () => ({
  useRouter: () => ({ replace: nav.replace, push: nav.push }),
  usePathname: () => nav.pathname,
  useSearchParams: () => new URLSearchParams(nav.search),
}));

import { HeaderSearch } from "./header-search";
import { NamespaceSelect } from "./namespace-select";

beforeEach(() => {
  nav.replace.mockReset();
  nav.push.mockReset();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderWith(ui: React.ReactNode) {
  render(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{ui}</QueryClientProvider>);
}

describe("NamespaceSelect", () => {
  it("offers the namespaces from /k8s and writes the choice to ?ns=, dropping the page token", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ kind: "NamespaceList", apiVersion: "v1", metadata: {}, items: [{ metadata: { name: "default" } }, { metadata: { name: "team-a" } }] }), { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    nav.search = "q=eu&page=2";
    renderWith(<NamespaceSelect />);
    const select = (await screen.findByRole("combobox", { name: "Namespace filter" })) as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map((o) => o.value)).toEqual(["", "default", "team-a"]));
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe("/k8s/api/v1/namespaces?limit=500");
    fireEvent.change(select, { target: { value: "team-a" } });
    expect(nav.replace).toHaveBeenCalledWith("/clusters?q=eu&ns=team-a", { scroll: false });
  });

  it("keeps a namespace named in the URL as the selected option even when it is not listed", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ items: [{ metadata: { name: "default" } }] }), { status: 200 })));
    nav.search = "ns=gone";
    renderWith(<NamespaceSelect />);
    const select = (await screen.findByRole("combobox", { name: "Namespace filter" })) as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map((o) => o.value)).toEqual(["", "gone", "default"]));
    expect(select.value).toBe("gone");
  });
});

describe("HeaderSearch", () => {
  it("opens the resources list with the search and namespace from a page without a list", () => {
    nav.pathname = "/workflow/default/Deployment/web";
    nav.search = "ns=team-a";
    renderWith(<HeaderSearch />);
    const box = screen.getByRole("searchbox", { name: "Search console" });
    fireEvent.change(box, { target: { value: "web" } });
    fireEvent.submit(box.closest("form")!);
    expect(nav.push).toHaveBeenCalledWith("/resources?ns=team-a&q=web");
  });

  it("filters a list page in place once typing pauses", async () => {
    nav.pathname = "/clusters";
    nav.search = "";
    renderWith(<HeaderSearch />);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search console" }), { target: { value: "member" } });
    expect(nav.replace).not.toHaveBeenCalled();
    await waitFor(() => expect(nav.replace).toHaveBeenCalledWith("/clusters?q=member", { scroll: false }));
  });
});
