import { describe, expect, it } from "vitest";
import { buildKubeconfig } from "../kube/kubeconfig";
import { causesToFieldErrors, EMPTY_REGISTRATION, parseLabels, parseTaints, toRegistrationRequest, validateRegistration, type RegistrationForm } from "./registration";

const kubeconfig = buildKubeconfig({ name: "member1", server: "https://127.0.0.1:7001", caData: "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n", token: "t0k" });
const form = (f: Partial<RegistrationForm>): RegistrationForm => ({ ...EMPTY_REGISTRATION, name: "edge-1", kubeconfig, ...f });

describe("validateRegistration", () => {
  it.each([
    ["a valid kubeconfig form", {}, {}],
    ["a missing name", { name: "" }, { name: "Name is required" }],
    ["an upper-case name", { name: "Edge" }, { name: expect.stringContaining("lower case") }],
    ["no kubeconfig", { kubeconfig: " " }, { kubeconfig: "Paste or upload a kubeconfig" }],
    ["malformed YAML", { kubeconfig: "a: [" }, { kubeconfig: expect.stringContaining("not valid YAML") }],
    ["an unknown context", { context: "nope" }, { context: expect.stringContaining('context "nope" not found') }],
    ["token mode without anything", { credentials: "token" as const }, { apiEndpoint: "API endpoint is required", token: "Token is required", caData: expect.any(String) }],
    ["token mode with insecure skip", { credentials: "token" as const, apiEndpoint: "https://1.2.3.4:6443", token: "x", insecureSkipTLSVerification: true }, {}],
    ["a non-URL endpoint", { credentials: "token" as const, apiEndpoint: "1.2.3.4", token: "x", insecureSkipTLSVerification: true }, { apiEndpoint: expect.stringContaining("URL") }],
    ["Pull mode needs no credentials", { syncMode: "Pull" as const, kubeconfig: "" }, {}],
    ["a bad label", { labels: "env" }, { labels: '"env" must be key=value' }],
    ["a bad taint effect", { taints: "dedicated=gpu:Never" }, { taints: expect.stringContaining("NoSchedule") }],
    ["a taint effect clusters refuse", { taints: "dedicated=gpu:PreferNoSchedule" }, { taints: '"PreferNoSchedule" is not one of NoSchedule, NoExecute' }],
  ])("%s", (_n, patch, want) => {
    expect(validateRegistration(form(patch))).toEqual(want);
  });
});

describe("parsers", () => {
  it("parses labels and taints from lines or commas", () => {
    expect(parseLabels("env=prod, tier=edge\nteam/a=")).toEqual({ env: "prod", tier: "edge", "team/a": "" });
    expect(parseTaints("dedicated=gpu:NoSchedule\nmaintenance:NoExecute")).toEqual([
      { key: "dedicated", value: "gpu", effect: "NoSchedule" },
      { key: "maintenance", effect: "NoExecute" },
    ]);
  });
});

describe("toRegistrationRequest", () => {
  it("sends only what the chosen mode needs", () => {
    expect(toRegistrationRequest(form({ context: "member1", labels: "env=prod", zones: "a, b", region: "eu", taints: "x:NoSchedule" }))).toEqual({
      name: "edge-1",
      syncMode: "Push",
      kubeconfig,
      context: "member1",
      labels: { env: "prod" },
      region: "eu",
      zones: ["a", "b"],
      taints: [{ key: "x", effect: "NoSchedule" }],
    });
    expect(toRegistrationRequest(form({ syncMode: "Pull" }))).toEqual({ name: "edge-1", syncMode: "Pull" });
  });
});

describe("causesToFieldErrors", () => {
  it("puts server causes next to the fields they name", () => {
    const r = causesToFieldErrors([
      { field: "metadata.name", message: "already registered" },
      { field: "kubeconfig", message: "connection refused" },
      { field: "spec.taints[0].effect", message: "Unsupported value" },
      { field: "spec.resourceModels", message: "bad" },
      { message: "cluster is unreachable" },
    ]);
    expect(r.fields).toEqual({ name: "already registered", kubeconfig: "connection refused", taints: "Unsupported value" });
    expect(r.general).toEqual(["spec.resourceModels: bad", "cluster is unreachable"]);
  });
});
