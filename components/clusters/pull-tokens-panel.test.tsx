// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PullTokenRecord } from "../../lib/clusters/pull-tokens";
import { PullTokensPanel } from "./pull-tokens-panel";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const token = (id: string, clusterName: string, kind: PullTokenRecord["kind"], state: PullTokenRecord["state"]): PullTokenRecord => ({
  id,
  name: `${kind}-${id}`,
  kind,
  clusterName,
  expiresAt: null,
  revokedAt: null,
  createdAt: "2025-01-01T00:00:00Z",
  lastUsedAt: null,
  state,
});

function serve(items: PullTokenRecord[]) {
  const calls: [string, RequestInit | undefined][] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      if (init?.method === "DELETE") return new Response(JSON.stringify({ ...items[0], state: "Revoked" }), { status: 200 });
      if (init?.method === "POST") return new Response(JSON.stringify({ command: "npx flotilla agent --token t" }), { status: 201 });
      return new Response(JSON.stringify({ items }), { status: 200 });
    }),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <PullTokensPanel cluster="edge" />
    </QueryClientProvider>,
  );
  return calls;
}

describe("PullTokensPanel", () => {
  it("lists only the cluster's tokens and revokes an active one", async () => {
    const calls = serve([token("a1", "edge", "agent", "Active"), token("b1", "edge", "bootstrap", "Used"), token("z9", "other", "agent", "Active")]);
    const table = await screen.findByRole("table", { name: "Pull tokens" });
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    // A used bootstrap token has nothing left to revoke.
    expect(screen.queryByRole("button", { name: "Revoke join token bootstrap-b1" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Revoke agent credential agent-a1" }));
    await waitFor(() => expect(calls.some(([u, i]) => i?.method === "DELETE" && u === "/api/v1/clusters/pull-tokens/a1")).toBe(true));
  });

  it("issues a new join command for the cluster", async () => {
    const calls = serve([]);
    fireEvent.click(await screen.findByRole("button", { name: "Issue a new join command" }));
    expect((await screen.findByLabelText("Agent command")).textContent).toContain("flotilla agent");
    const post = calls.find(([, i]) => i?.method === "POST")!;
    expect(JSON.parse(post[1]!.body as string)).toEqual({ clusterName: "edge" });
  });
});
