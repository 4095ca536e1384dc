// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, statusFailure } from "../../lib/kube/errors";
import type { KubeObject } from "../../lib/kube/types";
import { ResourceTable } from "./resource-table";
import { StatusBadge } from "./status-badge";

afterEach(cleanup);

const obj = (name: string, ready?: "True" | "False"): KubeObject => ({
  apiVersion: "cluster.karmada.io/v1alpha1",
  kind: "Cluster",
  metadata: { name, uid: `uid-${name}`, creationTimestamp: "2025-01-01T00:00:00Z", labels: { env: "prod" } },
  status: ready ? { conditions: [{ type: "Ready", status: ready, reason: ready === "True" ? "ClusterReady" : "ClusterNotReachable", message: "m", lastTransitionTime: "2025-01-01T00:00:00Z" }] } : {},
});

describe("ResourceTable", () => {
  it("renders built-in and custom columns, links names and shows condition text", () => {
    render(
      <ResourceTable
        label="Clusters"
        items={[obj("member1", "True"), obj("member2", "False"), obj("member3")]}
        columns={["name", "conditions", "labels", { id: "kind", header: "Kind", cell: (o) => o.kind }]}
        href={(o) => `/clusters/${o.metadata.name}`}
      />,
    );
    const table = screen.getByRole("table", { name: "Clusters" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Name", "Status", "Labels", "Kind"]);
    expect(within(table).getByRole("link", { name: "member1" }).getAttribute("href")).toBe("/clusters/member1");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0].textContent).toContain("Ready");
    expect(rows[1].textContent).toContain("NotReady");
    expect(rows[2].textContent).toContain("Pending");
  });

  it("shows the loading, empty and error states", () => {
    const { rerender } = render(<ResourceTable label="Clusters" items={undefined} columns={["name"]} isLoading />);
    expect(screen.getByRole("status", { name: /Loading clusters/ })).toBeTruthy();
    rerender(<ResourceTable label="Clusters" items={[]} columns={["name"]} emptyTitle="No clusters registered" />);
    expect(screen.getByText("No clusters registered")).toBeTruthy();
    const retry = vi.fn();
    const err = new ApiError(statusFailure(403, "Forbidden", "clusters is forbidden"));
    rerender(<ResourceTable label="Clusters" items={[]} columns={["name"]} error={err} onRetry={retry} />);
    expect(screen.getByRole("alert").textContent).toContain("clusters is forbidden");
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it("offers pagination only when there is another page", () => {
    const onNext = vi.fn();
    const base = { page: 1, hasPrevious: false, onPrevious: () => {}, onNext };
    const { rerender } = render(<ResourceTable label="X" items={[obj("a")]} columns={["name"]} pagination={{ ...base, hasNext: false }} />);
    expect(screen.queryByRole("navigation", { name: "Pagination" })).toBeNull();
    rerender(<ResourceTable label="X" items={[obj("a")]} columns={["name"]} pagination={{ ...base, hasNext: true, total: 120, pageSize: 50 }} />);
    expect(screen.getByRole("navigation", { name: "Pagination" }).textContent).toContain("Page 1 of 3");
    expect((screen.getByRole("button", { name: "Previous page" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Next page" }));
    expect(onNext).toHaveBeenCalledOnce();
  });
});

describe("StatusBadge", () => {
  it("carries the text and the tone, with the reason as its title", () => {
    render(<StatusBadge condition={{ type: "Ready", status: "False", reason: "ClusterNotReachable", message: "connection refused" }} />);
    const badge = screen.getByText("NotReady");
    expect(badge.getAttribute("data-tone")).toBe("danger");
    expect(badge.getAttribute("title")).toBe("ClusterNotReachable: connection refused");
  });
});
