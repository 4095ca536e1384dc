import { describe, expect, it } from "vitest";
import { sortVersions } from "./version-order";

describe("sortVersions", () => {
  it("orders like Kubernetes", () => {
    expect(sortVersions(["v1alpha1", "v2", "foo", "v1beta1", "v1", "v1alpha2", "v11alpha2", "v12beta3"])).toEqual([
      "v2", "v1", "v12beta3", "v1beta1", "v11alpha2", "v1alpha2", "v1alpha1", "foo",
    ]);
  });
});
