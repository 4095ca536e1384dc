// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { kubeKeys, parseInvalidateMessage, restKey, streamUrl } from "../../lib/kube/queries";
import { invalidateKey, useLiveInvalidation } from "./use-live-invalidation";

afterEach(cleanup);

const clusters = { group: "cluster.karmada.io", version: "v1alpha1", plural: "clusters", namespaced: false };

/** A stand-in EventSource the test drives by hand. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  listeners = new Map<string, ((e: unknown) => void)[]>();
  closed = false;
  constructor(public url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: string, data?: string) {
    for (const fn of this.listeners.get(type) ?? []) fn({ data });
  }
  close() {
    this.closed = true;
  }
}

function seeded(): QueryClient {
  const client = new QueryClient();
  client.setQueryData(kubeKeys.detail(clusters, undefined, "member1"), { a: 1 });
  client.setQueryData(kubeKeys.detail(clusters, undefined, "member2"), { a: 2 });
  client.setQueryData(kubeKeys.list(clusters), { items: [] });
  client.setQueryData(restKey("overview"), {});
  return client;
}

const stale = (c: QueryClient, key: readonly unknown[]) => c.getQueryState(key)?.isInvalidated;

describe("invalidateKey", () => {
  it("invalidates exactly the queries the key concerns", async () => {
    const client = seeded();
    await invalidateKey(client, ["kube", "cluster.karmada.io", "v1alpha1", "clusters", "", "member1"]);
    expect(stale(client, kubeKeys.detail(clusters, undefined, "member1"))).toBe(true);
    expect(stale(client, kubeKeys.list(clusters))).toBe(true);
    expect(stale(client, kubeKeys.detail(clusters, undefined, "member2"))).toBe(false);
    expect(stale(client, restKey("overview"))).toBe(false);
  });
});

describe("useLiveInvalidation", () => {
  it("subscribes to the topics and invalidates on each message, closing on unmount", async () => {
    (globalThis as { EventSource?: unknown }).EventSource = FakeEventSource;
    const client = seeded();
    function View() {
      useLiveInvalidation(["clusters.cluster.karmada.io"]);
      return null;
    }
    const { unmount } = render(
      <QueryClientProvider client={client}>
        <View />
      </QueryClientProvider>,
    );
    const source = FakeEventSource.last!;
    expect(source.url).toBe(streamUrl(["clusters.cluster.karmada.io"]));
    source.emit("invalidate", JSON.stringify({ key: ["rest", "overview"] }));
    source.emit("invalidate", "not json");
    await Promise.resolve();
    expect(stale(client, restKey("overview"))).toBe(true);
    expect(stale(client, kubeKeys.list(clusters))).toBe(false);
    unmount();
    expect(source.closed).toBe(true);
  });

  it("parses only well-formed messages", () => {
    expect(parseInvalidateMessage('{"key":["kube","apps"]}')).toEqual({ key: ["kube", "apps"] });
    expect(parseInvalidateMessage('{"key":[{}]}')).toBeUndefined();
    expect(parseInvalidateMessage("{")).toBeUndefined();
  });
});
