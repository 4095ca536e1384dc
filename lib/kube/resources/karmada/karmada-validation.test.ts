import { describe, expect, it } from "vitest";
import type { StatusCause } from "../../types";
import { validatePlacement } from "./placement-validation";
import { validateApplicationFailover, validateClusterFailover, validatePropagationSpec } from "./propagation-policy";
import { emptyOverrides, validateOverrideSpec } from "./override-policy";
import { dedupeCauses } from "./crds";

/**
 * Tables ported from Karmada's pkg/util/validation/validation_test.go. Inputs are written as the
 * JSON the Go structs marshal to (zero values omitted); the expected strings are Karmada's.
 */

/** field.ErrorList.ToAggregate().Error(): deduplicated, one error bare, several as "[a, b]". */
function aggregate(list: StatusCause[]): string {
  const msgs = dedupeCauses(list).map((c) => (c.field ? `${c.field}: ${c.message}` : String(c.message)));
  if (msgs.length === 0) return "";
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`;
}

const NAME_PART_REGEX =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

const providerIn = { matchExpressions: [{ key: "provider", operator: "In", values: ["fooCloud"] }] };
const fooKey = { matchExpressions: [{ key: "foo", operator: "In", values: ["fooCloud"] }] };
const providerGt = { matchExpressions: [{ key: "provider", operator: "Gt", values: ["fooCloud"] }] };
const providerExists = { matchExpressions: [{ key: "provider", operator: "Exists", values: ["fooCloud"] }] };
const badLabels = [{ operator: "add", value: { "testannotation~projectId": "c-m-lfx9lk92p-v86cf" } }];

describe("TestValidateOverrideSpec", () => {
  const rule = (overriders?: Record<string, unknown>, targetCluster: Record<string, unknown> = { clusterNames: ["cluster-name"] }) => ({ targetCluster, ...(overriders ? { overriders } : {}) });
  const plaintext = { plaintext: [{ path: "spec/image" }] };
  it.each<[string, Record<string, unknown>, boolean]>([
    ["overrideRules is set, overriders and targetCluster aren't set", { overrideRules: [rule()] }, false],
    ["overriders and targetCluster are set, overrideRules isn't set", { targetCluster: { clusterNames: ["cluster-name"] }, overriders: plaintext }, false],
    ["overrideRules and targetCluster can't co-exist", { overrideRules: [rule()], targetCluster: { clusterNames: ["cluster-name"] } }, true],
    ["overrideRules and overriders can't co-exist", { overrideRules: [rule()], overriders: plaintext }, true],
    ["overrideRules, targetCluster and overriders can't co-exist", { overrideRules: [rule()], targetCluster: { clusterNames: ["cluster-name"] }, overriders: plaintext }, true],
    ["invalid annotation should not be allowed", { overrideRules: [rule({ annotationsOverrider: badLabels })] }, true],
    ["invalid label should not be allowed", { overrideRules: [rule({ labelsOverrider: badLabels })] }, true],
    ["overrideSpec.targetCluster.fieldSelector has unsupported key", { targetCluster: { fieldSelector: fooKey } }, true],
    ["overrideSpec.targetCluster.fieldSelector has unsupported operator", { targetCluster: { fieldSelector: providerGt } }, true],
    ["overrideRules.[index].targetCluster.fieldSelector has unsupported key", { overrideRules: [rule(undefined, { fieldSelector: fooKey })] }, true],
    ["overrideRules.[index].targetCluster.fieldSelector has unsupported operator", { overrideRules: [rule(undefined, { fieldSelector: providerGt })] }, true],
    ["fieldOverrider with neither YAML nor JSON should be rejected", { overrideRules: [rule({ fieldOverrider: [{ fieldPath: "/data/config" }] })] }, true],
    [
      "fieldOverrider with both YAML and JSON set should be rejected",
      { overrideRules: [rule({ fieldOverrider: [{ fieldPath: "/data/config", json: [{ subPath: "/key", operator: "remove" }], yaml: [{ subPath: "/key", operator: "remove" }] }] })] },
      true,
    ],
    ["fieldOverrider with only YAML set should be allowed", { overrideRules: [rule({ fieldOverrider: [{ fieldPath: "/data/config", yaml: [{ subPath: "/key", operator: "remove" }] }] })] }, false],
    ["fieldOverrider with only JSON set should be allowed", { overrideRules: [rule({ fieldOverrider: [{ fieldPath: "/data/config", json: [{ subPath: "/key", operator: "remove" }] }] })] }, false],
  ])("%s", (_n, spec, expectError) => {
    expect(validateOverrideSpec(spec, "").length > 0).toBe(expectError);
  });
});

describe("TestValidateClusterTolerations", () => {
  it.each<[string, unknown[] | undefined, string]>([
    ["nil tolerations is valid", undefined, ""],
    ["toleration with Exists operator is valid", [{ key: "key1", operator: "Exists" }], ""],
    ["toleration with Equal operator is valid", [{ key: "key1", operator: "Equal", value: "value1" }], ""],
    ["toleration with empty operator is valid (defaults to Equal)", [{ key: "key1", value: "value1" }], ""],
    ["toleration with Lt operator is invalid", [{ key: "key1", operator: "Lt", value: "100" }], "Unsupported value"],
    ["toleration with Gt operator is invalid", [{ key: "key1", operator: "Gt", value: "100" }], "Unsupported value"],
    ["mixed tolerations with one invalid Lt operator", [{ key: "key1", operator: "Equal", value: "value1" }, { key: "key2", operator: "Lt", value: "100" }], "Unsupported value"],
  ])("%s", (_n, clusterTolerations, expected) => {
    const err = aggregate(validatePlacement({ clusterTolerations }, "spec.placement"));
    if (!expected) expect(err).toBe("");
    else expect(err).toContain(expected);
  });

  it("reports the field path and the supported values", () => {
    expect(aggregate(validatePlacement({ clusterTolerations: [{ key: "a", operator: "Equal" }, { key: "k", operator: "Gt" }] }, "spec.placement"))).toBe(
      'spec.placement.clusterTolerations[1].operator: Unsupported value: "Gt": supported values: "", "Exists", "Equal"',
    );
  });
});

describe("TestEmptyOverrides", () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ["empty overrides", {}, true],
    ["non-empty overrides", { plaintext: [{ path: "spec/image" }] }, false],
    [
      "non-empty overrides (several kinds)",
      {
        plaintext: [{ path: "spec/image" }],
        imageOverrider: [{ component: "Registry", operator: "remove", value: "fictional.registry.us" }],
        commandOverrider: [{ containerName: "nginx", operator: "add", value: ["echo 'hello karmada'"] }],
      },
      false,
    ],
  ])("%s", (_n, overriders, want) => {
    expect(emptyOverrides(overriders)).toBe(want);
  });
});

describe("TestValidatePropagationSpec", () => {
  const wa = (affinity?: string, antiAffinity?: string) => ({
    placement: {
      workloadAffinity: {
        ...(affinity !== undefined ? { affinity: { groupByLabelKey: affinity } } : {}),
        ...(antiAffinity !== undefined ? { antiAffinity: { groupByLabelKey: antiAffinity } } : {}),
      },
    },
  });
  it.each<[string, Record<string, unknown>, string]>([
    [
      "valid spec",
      {
        placement: {
          clusterAffinity: {
            fieldSelector: {
              matchExpressions: [
                { key: "provider", operator: "In", values: ["fooCloud"] },
                { key: "region", operator: "NotIn", values: ["fooCloud"] },
                { key: "zone", operator: "NotIn", values: ["fooCloud"] },
              ],
            },
          },
          spreadConstraints: [{ maxGroups: 2, minGroups: 1, spreadByField: "region" }, { spreadByField: "cluster" }],
        },
      },
      "",
    ],
    ["clusterAffinity.fieldSelector has unsupported key", { placement: { clusterAffinity: { fieldSelector: fooKey } } }, 'unsupported key "foo", must be provider, region, or zone'],
    ["clusterAffinity.fieldSelector has unsupported operator", { placement: { clusterAffinity: { fieldSelector: providerExists } } }, 'unsupported operator "Exists", must be In or NotIn'],
    [
      "clusterAffinities cannot co-exist with clusterAffinity",
      { placement: { clusterAffinity: { clusterNames: ["m1"] }, clusterAffinities: [{ affinityName: "group1", clusterNames: ["m1"] }] } },
      "clusterAffinities cannot co-exist with clusterAffinity",
    ],
    [
      "clusterAffinities different affinities have the same affinityName",
      { placement: { clusterAffinities: [{ affinityName: "group1", clusterNames: ["m1"] }, { affinityName: "group1", clusterNames: ["m2"] }] } },
      "each affinity term in a policy must have a unique name",
    ],
    [
      "clusterAffinities.[index].clusterAffinity.fieldSelector has unsupported key",
      { placement: { clusterAffinities: [{ affinityName: "group1", fieldSelector: fooKey }] } },
      'unsupported key "foo", must be provider, region, or zone',
    ],
    [
      "clusterAffinities.[index].clusterAffinity.fieldSelector has unsupported operator",
      { placement: { clusterAffinities: [{ affinityName: "group1", fieldSelector: providerExists }] } },
      'unsupported operator "Exists", must be In or NotIn',
    ],
    ["spreadConstraint spreadByLabel co-exist with spreadByField", { placement: { spreadConstraints: [{ spreadByField: "cluster", spreadByLabel: "foo" }] } }, "spreadByLabel should not co-exist with spreadByField"],
    ["spreadConstraint maxGroups lower than minGroups", { placement: { spreadConstraints: [{ maxGroups: 1, minGroups: 2 }] } }, "maxGroups lower than minGroups is not allowed"],
    ["spreadConstraint maxGroups lower than 0", { placement: { spreadConstraints: [{ maxGroups: -1, minGroups: 1 }] } }, "maxGroups lower than 0 is not allowed"],
    ["spreadConstraint minGroups lower than 0", { placement: { spreadConstraints: [{ maxGroups: 2, minGroups: -2 }] } }, "minGroups lower than 0 is not allowed"],
    [
      "spreadConstraint has two cluster spread constraints",
      {
        placement: {
          spreadConstraints: [
            { spreadByField: "cluster", maxGroups: 2, minGroups: -2 },
            { spreadByField: "cluster", maxGroups: 5, minGroups: 3 },
            { spreadByLabel: "grouped-by-net", maxGroups: 5, minGroups: 3 },
          ],
        },
      },
      "multiple cluster spread constraints are not allowed",
    ],
    [
      "spreadConstraint has multiple region spread constraints",
      {
        placement: {
          spreadConstraints: [
            { spreadByField: "region", maxGroups: 1, minGroups: 3 },
            { spreadByField: "region", maxGroups: 4, minGroups: 2 },
            { spreadByField: "region", maxGroups: 6, minGroups: 5 },
            { spreadByField: "cluster", maxGroups: 10, minGroups: 5 },
          ],
        },
      },
      "multiple region spread constraints are not allowed",
    ],
    [
      "spreadConstraint spreadByFieldCluster must be included if using spreadByField",
      { placement: { spreadConstraints: [{ spreadByField: "region" }] } },
      "the cluster spread constraint must be enabled in one of the constraints in case of SpreadByField is enabled",
    ],
    [
      "resourceSelector name is empty when preemption is enabled",
      { resourceSelectors: [{ apiVersion: "v1", kind: "Pod", namespace: "default" }], preemption: "Always" },
      "name cannot be empty if preemption is Always, the empty name may cause unexpected resources preemption",
    ],
    [
      "suspension dispatching cannot co-exist with dispatchingOnClusters",
      { suspension: { dispatching: true, dispatchingOnClusters: { clusterNames: ["cluster-name"] } } },
      "suspension dispatching cannot co-exist with dispatchingOnClusters.clusterNames",
    ],
    ["suspension dispatching with nil dispatchingOnClusters is valid", { suspension: { dispatching: true } }, ""],
    ["suspension dispatching with empty dispatching clusters is valid", { suspension: { dispatching: true, dispatchingOnClusters: { clusterNames: [] } } }, ""],
    ["dispatchingOnClusters.clusterNames without dispatching is valid", { suspension: { dispatchingOnClusters: { clusterNames: ["cluster-name"] } } }, ""],
    ["dispatchingOnClusters.clusterNames with dispatching false is valid", { suspension: { dispatching: false, dispatchingOnClusters: { clusterNames: ["cluster-name"] } } }, ""],
    ["workloadAffinity affinity and antiAffinity with same groupByLabelKey", wa("app.group", "app.group"), "affinity and antiAffinity must not use the same groupByLabelKey"],
    ["workloadAffinity affinity and antiAffinity with different groupByLabelKey is valid", wa("app.group", "app.region"), ""],
    ["workloadAffinity with only affinity is valid", wa("app.group"), ""],
    ["workloadAffinity with only antiAffinity is valid", wa(undefined, "app.group"), ""],
    ["workloadAffinity affinity with invalid groupByLabelKey", wa("INVALID KEY!"), "spec.placement.workloadAffinity.affinity.groupByLabelKey"],
    ["workloadAffinity antiAffinity with invalid groupByLabelKey", wa(undefined, "INVALID KEY!"), "spec.placement.workloadAffinity.antiAffinity.groupByLabelKey"],
  ])("%s", (_n, spec, expected) => {
    const err = aggregate(validatePropagationSpec(spec, ""));
    if (!expected) expect(err).toBe("");
    else expect(err).toContain(expected);
  });

  it("field paths of the Invalid errors follow Karmada's field.Path", () => {
    expect(validatePropagationSpec({ placement: { clusterAffinity: { fieldSelector: fooKey } } }, "").map((c) => c.field)).toEqual(["spec.placement.clusterAffinity.fieldSelector"]);
    expect(validatePropagationSpec({ placement: { clusterAffinities: [{ affinityName: "group1", fieldSelector: fooKey }] } }, "").map((c) => c.field)).toEqual([
      "spec.placement.clusterAffinities[0].fieldSelector",
    ]);
    expect(validatePropagationSpec({ placement: { spreadConstraints: [{ maxGroups: 1, minGroups: 2 }] } }, "").map((c) => c.field)).toEqual(["spec.placement.spreadConstraints[0]"]);
    expect(validatePropagationSpec({ placement: { spreadConstraints: [{ spreadByField: "region" }] } }, "").map((c) => c.field)).toEqual(["spec.placement.spreadConstraints"]);
    expect(validatePropagationSpec({ resourceSelectors: [{ apiVersion: "v1", kind: "Pod", namespace: "default" }], preemption: "Always" }, "").map((c) => c.field)).toEqual([
      "spec.resourceSelectors[0].name",
    ]);
    expect(validatePropagationSpec({ suspension: { dispatching: true, dispatchingOnClusters: { clusterNames: ["c"] } } }, "").map((c) => c.field)).toEqual(["spec.suspension.suspension"]);
    expect(aggregate(validatePropagationSpec(wa("INVALID KEY!"), ""))).toBe(`spec.placement.workloadAffinity.affinity.groupByLabelKey: Invalid value: "INVALID KEY!": ${NAME_PART_REGEX}`);
  });
});

describe("TestValidateApplicationFailover", () => {
  const P = "spec.failover.application.statePreservation.rules[0].aliasLabelName";
  const app = (rules?: { aliasLabelName: string; jsonPath: string }[]) => ({
    decisionConditions: { tolerationSeconds: 100 },
    ...(rules ? { statePreservation: { rules } } : {}),
  });
  const rule = (aliasLabelName: string) => ({ aliasLabelName, jsonPath: "{.availableReplicas}" });
  it.each<[string, unknown, string]>([
    ["application failover is nil", undefined, ""],
    [
      "the tolerationSeconds is less than zero",
      { decisionConditions: { tolerationSeconds: -100 } },
      "spec.failover.application.decisionConditions.tolerationSeconds: Invalid value: -100: must be greater than or equal to 0",
    ],
    [
      "the gracePeriodSeconds is declared when purgeMode is not gracefully",
      { decisionConditions: { tolerationSeconds: 100 }, purgeMode: "Directly", gracePeriodSeconds: 100 },
      "spec.failover.application.gracePeriodSeconds: Invalid value: 100: only takes effect when purgeMode is gracefully",
    ],
    [
      "the gracePeriodSeconds is less than 0 when purgeMode is gracefully",
      { decisionConditions: { tolerationSeconds: 100 }, purgeMode: "Gracefully", gracePeriodSeconds: -100 },
      "spec.failover.application.gracePeriodSeconds: Invalid value: -100: must be greater than 0",
    ],
    [
      "the gracePeriodSeconds is empty when purgeMode is gracefully",
      { decisionConditions: { tolerationSeconds: 100 }, purgeMode: "Gracefully" },
      "spec.failover.application.gracePeriodSeconds: Invalid value: null: should not be empty when purgeMode is gracefully",
    ],
    ["application behavior is correctly declared", app(), ""],
    ["statePreservation is nil", app(), ""],
    ["statePreservation with valid rules", app([rule("valid-label-name"), { aliasLabelName: "example.com/state-key", jsonPath: "{.readyReplicas}" }]), ""],
    ["statePreservation with invalid aliasLabelName - starts with dash", app([rule("-invalid-label")]), `${P}: Invalid value: "-invalid-label": ${NAME_PART_REGEX}`],
    ["statePreservation with invalid aliasLabelName - ends with dash", app([rule("invalid-label-")]), `${P}: Invalid value: "invalid-label-": ${NAME_PART_REGEX}`],
    ["statePreservation with invalid aliasLabelName - contains invalid characters", app([rule("invalid@label")]), `${P}: Invalid value: "invalid@label": ${NAME_PART_REGEX}`],
    ["statePreservation with too long aliasLabelName", app([rule("a".repeat(64))]), `${P}: Invalid value: "${"a".repeat(64)}": name part must be no more than 63 bytes`],
    [
      "statePreservation with multiple invalid rules",
      app([rule("-invalid1"), { aliasLabelName: "invalid2@", jsonPath: "{.readyReplicas}" }]),
      `[${P}: Invalid value: "-invalid1": ${NAME_PART_REGEX}, spec.failover.application.statePreservation.rules[1].aliasLabelName: Invalid value: "invalid2@": ${NAME_PART_REGEX}]`,
    ],
    ["statePreservation with valid prefix in aliasLabelName", app([rule("example.com/my-state")]), ""],
    [
      "statePreservation with invalid prefix in aliasLabelName",
      app([rule("INVALID.COM/my-state")]),
      `${P}: Invalid value: "INVALID.COM/my-state": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
  ])("%s", (_n, behavior, expected) => {
    expect(aggregate(validateApplicationFailover(behavior, "spec.failover.application"))).toBe(expected);
  });
});

describe("TestValidateClusterFailover", () => {
  it.each<[string, unknown, string]>([
    ["cluster failover is nil", undefined, ""],
    ["cluster failover with valid statePreservation", { purgeMode: "Gracefully", statePreservation: { rules: [{ aliasLabelName: "cluster-state", jsonPath: "{.status.nodeCount}" }] } }, ""],
    [
      "cluster failover with invalid statePreservation",
      { purgeMode: "Directly", statePreservation: { rules: [{ aliasLabelName: "-invalid-cluster-label", jsonPath: "{.status.nodeCount}" }] } },
      `spec.failover.cluster.statePreservation.rules[0].aliasLabelName: Invalid value: "-invalid-cluster-label": ${NAME_PART_REGEX}`,
    ],
    ["cluster failover without statePreservation", { purgeMode: "Gracefully" }, ""],
  ])("%s", (_n, behavior, expected) => {
    expect(aggregate(validateClusterFailover(behavior, "spec.failover.cluster"))).toBe(expected);
  });
});

// TestValidateCrdsTarBall is not ported: it checks karmadactl's CRD tarball layout, no API object.

describe("TestValidateWorkloadAffinity", () => {
  it.each<[string, unknown, string]>([
    ["nil workloadAffinity is valid", undefined, ""],
    ["only affinity set is valid", { affinity: { groupByLabelKey: "app.group" } }, ""],
    ["only antiAffinity set is valid", { antiAffinity: { groupByLabelKey: "app.group" } }, ""],
    ["affinity and antiAffinity with different groupByLabelKey is valid", { affinity: { groupByLabelKey: "app.group" }, antiAffinity: { groupByLabelKey: "app.region" } }, ""],
    [
      "affinity and antiAffinity with same groupByLabelKey is invalid",
      { affinity: { groupByLabelKey: "app.group" }, antiAffinity: { groupByLabelKey: "app.group" } },
      "affinity and antiAffinity must not use the same groupByLabelKey",
    ],
    ["affinity with invalid groupByLabelKey is invalid", { affinity: { groupByLabelKey: "INVALID KEY!" } }, "spec.placement.workloadAffinity.affinity.groupByLabelKey"],
    ["antiAffinity with invalid groupByLabelKey is invalid", { antiAffinity: { groupByLabelKey: "INVALID KEY!" } }, "spec.placement.workloadAffinity.antiAffinity.groupByLabelKey"],
  ])("%s", (_n, workloadAffinity, expected) => {
    const err = aggregate(validatePlacement({ workloadAffinity }, "spec.placement"));
    if (!expected) expect(err).toBe("");
    else expect(err).toContain(expected);
  });
});

const primary = (overflowAffinities?: unknown[], inline: Record<string, unknown> = { clusterNames: ["member1"] }) => ({
  affinityName: "primary",
  ...inline,
  ...(overflowAffinities ? { overflowAffinities } : {}),
});
const overflow = (affinityName: string, cluster: string) => ({ affinityName, clusterNames: [cluster] });

describe("TestValidatePlacement", () => {
  const OVERFLOW_SCHED = "overflowAffinities can only be used together with dynamic weight or aggregated scheduling";
  it.each<[string, Record<string, unknown>, number, string[]]>([
    ["clusterAffinity and clusterAffinities cannot co-exist", { clusterAffinity: { clusterNames: ["member1"] }, clusterAffinities: [{ affinityName: "group1" }] }, 1, ["clusterAffinities cannot co-exist with clusterAffinity"]],
    ["overflowAffinities rejected when replicaScheduling is nil", { clusterAffinities: [primary([overflow("overflow-1", "member2")])] }, 1, [OVERFLOW_SCHED]],
    [
      "overflowAffinities rejected with static weight scheduling",
      {
        clusterAffinities: [primary([overflow("overflow-1", "member2")])],
        replicaScheduling: {
          replicaSchedulingType: "Divided",
          replicaDivisionPreference: "Weighted",
          weightPreference: { staticWeightList: [{ targetCluster: { clusterNames: ["member1"] }, weight: 1 }] },
        },
      },
      1,
      [OVERFLOW_SCHED],
    ],
    [
      "overflowAffinities allowed with dynamic weight scheduling",
      {
        clusterAffinities: [primary([overflow("overflow-1", "member2")])],
        replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Weighted", weightPreference: { dynamicWeight: "AvailableReplicas" } },
      },
      0,
      [],
    ],
    [
      "overflowAffinities allowed with aggregated scheduling",
      { clusterAffinities: [primary([overflow("overflow-1", "member2")])], replicaScheduling: { replicaSchedulingType: "Divided", replicaDivisionPreference: "Aggregated" } },
      0,
      [],
    ],
    [
      "multiple affinities, only one has overflow rejected",
      { clusterAffinities: [{ affinityName: "group1", clusterNames: ["member1"] }, { affinityName: "group2", clusterNames: ["member2"], overflowAffinities: [overflow("overflow-1", "member3")] }] },
      1,
      [OVERFLOW_SCHED],
    ],
    ["no overflow affinities with unsupported scheduling, no error", { clusterAffinities: [primary()] }, 0, []],
  ])("%s", (_n, placement, count, strings) => {
    const errs = validatePlacement(placement, "spec.placement");
    expect(errs).toHaveLength(count);
    for (const s of strings) expect(aggregate(errs)).toContain(s);
  });

  it("reports overflow scheduling at the term's overflowAffinities", () => {
    expect(validatePlacement({ clusterAffinities: [primary([overflow("overflow-1", "member2")])] }, "spec.placement").map((c) => c.field)).toEqual([
      "spec.placement.clusterAffinities[0].overflowAffinities",
    ]);
  });
});

describe("TestValidateOverflowAffinities", () => {
  const INLINE = "overflowAffinities can only be used together with the inline ClusterAffinity";
  const UNIQUE = "overflow affinity name must be unique and must not duplicate the primary group's affinityName";
  // Run through ValidatePlacement with aggregated scheduling so that only ValidateOverflowAffinities can fail.
  const aggregated = { replicaSchedulingType: "Divided", replicaDivisionPreference: "Aggregated" };
  it.each<[string, Record<string, unknown>, number, string[]]>([
    ["no overflow affinities, no error", primary(), 0, []],
    ["valid overflow affinities", primary([overflow("overflow-1", "member2"), overflow("overflow-2", "member3")]), 0, []],
    ["overflow affinities without ClusterAffinity", primary([overflow("overflow-1", "member2")], {}), 1, [INLINE]],
    ["duplicate overflow affinity names", primary([overflow("overflow-1", "member2"), overflow("overflow-1", "member3")]), 1, [UNIQUE]],
    ["overflow affinity name duplicates primary group's affinityName", primary([overflow("primary", "member2")]), 1, [UNIQUE]],
    ["multiple errors: empty ClusterAffinity and duplicate names", primary([overflow("overflow-1", "member2"), overflow("overflow-1", "member3")], {}), 2, [INLINE, UNIQUE]],
  ])("%s", (_n, term, count, strings) => {
    const errs = validatePlacement({ clusterAffinities: [term], replicaScheduling: aggregated }, "spec.placement");
    expect(errs).toHaveLength(count);
    for (const s of strings) expect(aggregate(errs)).toContain(s);
  });

  it("field paths: the term's overflowAffinities, each entry's affinityName", () => {
    const errs = validatePlacement({ clusterAffinities: [primary([overflow("overflow-1", "member2"), overflow("overflow-1", "member3")], {})], replicaScheduling: aggregated }, "spec.placement");
    expect(errs.map((c) => c.field)).toEqual(["spec.placement.clusterAffinities[0].overflowAffinities", "spec.placement.clusterAffinities[0].overflowAffinities[1].affinityName"]);
  });
});
