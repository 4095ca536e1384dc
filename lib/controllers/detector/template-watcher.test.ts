import { afterEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { ResourceRegistry } from "../../kube/resources/registry";
import { controlPlaneDescriptors } from "../../kube/resources";
import { createTestEnv, type TestEnv } from "../runtime/test-env";
import { TemplateWatcher } from "./template-watcher";

const deploy: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" }, spec: { replicas: 1 } };

let env: TestEnv;
afterEach(async () => env?.stop());

describe("TemplateWatcher change marks", () => {
  it("marks templates whose spec changed after start, not those listed at start or touched only in status", async () => {
    env = await createTestEnv({ objects: [deploy], watches: [{ apiVersion: "apps/v1", kind: "Deployment" }] });
    const queued: string[] = [];
    const watcher = new TemplateWatcher(new ResourceRegistry(controlPlaneDescriptors()), env.informers, (r) => queued.push(r.name));
    watcher.start();
    await env.settle();
    const get = async () => (await env.client.get<KubeObject>("apps/v1", "Deployment", "default", "web"))!;
    expect(watcher.hasChanged(await get())).toBe(false);

    const withStatus = await get();
    withStatus.status = { readyReplicas: 1 };
    await env.client.updateStatus(withStatus);
    await env.settle();
    expect(watcher.hasChanged(await get())).toBe(false);

    const before = await get();
    const scaled = await get();
    (scaled.spec as { replicas: number }).replicas = 3;
    await env.client.update(scaled);
    await env.settle();
    const now = await get();
    expect(watcher.hasChanged(now)).toBe(true);
    // Handling an older copy keeps the mark: the newer change is still to be written.
    watcher.handled(before);
    expect(watcher.hasChanged(now)).toBe(true);
    watcher.handled(now);
    expect(watcher.hasChanged(now)).toBe(false);
    watcher.stop();
  });
});
