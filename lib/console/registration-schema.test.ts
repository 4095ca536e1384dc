import { describe, expect, it } from "vitest";
import { buildKubeconfig } from "../kube/kubeconfig";
import { EMPTY_REGISTRATION } from "./registration";
import { registrationFormSchema } from "./registration-schema";

const kubeconfig = buildKubeconfig({ name: "m", server: "https://127.0.0.1:7001", token: "t", caData: "ca" });

describe("registrationFormSchema", () => {
  it("reports validateRegistration's errors under the field names", () => {
    const r = registrationFormSchema.safeParse({ ...EMPTY_REGISTRATION, name: "Bad_Name", labels: "env" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(byField.name).toContain("lower case");
    expect(byField.kubeconfig).toBe("Paste or upload a kubeconfig");
    expect(byField.labels).toBe('"env" must be key=value');
  });

  it("accepts a valid form and fills what a disabled control left out", () => {
    const { context: _omitted, ...rest } = { ...EMPTY_REGISTRATION, name: "edge-1", kubeconfig };
    const r = registrationFormSchema.safeParse(rest);
    expect(r.success).toBe(true);
    expect(r.data?.context).toBe("");
  });

  it("needs no credentials in Pull mode", () => {
    expect(registrationFormSchema.safeParse({ ...EMPTY_REGISTRATION, name: "edge-2", syncMode: "Pull" }).success).toBe(true);
  });
});
