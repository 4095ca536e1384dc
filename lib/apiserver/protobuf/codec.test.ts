import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../kube/errors";
import type { KubeObject } from "../../kube/types";
import { decodeProtobufObject, encodeProtobufObject, isProtobufContentType } from "./codec";
import { writeEnvelope } from "./envelope";
import { protoRoot, UNKNOWN_TYPE, PROTOBUF_KINDS } from "./root";

/** Encodes a wire-shaped object (proto field names, well-known types as messages) with protobufjs. */
function wire(apiVersion: string, kind: string, message: Record<string, unknown>): Uint8Array {
  const type = protoRoot().lookupType(PROTOBUF_KINDS[`${apiVersion}/${kind}`]);
  return writeEnvelope({ apiVersion, kind, raw: type.encode(type.fromObject(message)).finish() });
}

/** What Go's marshaller writes for an ObjectMeta holding only a name: every plain field, zero or not. */
const goMeta = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  generateName: "",
  namespace: "",
  selfLink: "",
  uid: "",
  resourceVersion: "",
  generation: 0,
  creationTimestamp: {},
  ...extra,
});

const T = 1714557600; // 2024-05-01T10:00:00Z

describe("decodeProtobufObject: wire shapes to JSON", () => {
  it.each<[string, Uint8Array, KubeObject]>([
    [
      "Namespace with Go's zero fields dropped and empty spec/status kept",
      wire("v1", "Namespace", { metadata: goMeta("x"), spec: {}, status: { phase: "" } }),
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "x" }, spec: {}, status: {} },
    ],
    [
      "ObjectMeta in full",
      wire("v1", "ConfigMap", {
        metadata: goMeta("", {
          generateName: "gen-",
          namespace: "ns",
          uid: "u-1",
          resourceVersion: "42",
          generation: 3,
          creationTimestamp: { seconds: T, nanos: 5 },
          deletionTimestamp: { seconds: T + 60 },
          deletionGracePeriodSeconds: 0,
          labels: { a: "1", empty: "" },
          annotations: { "x/y": "z" },
          ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "u-2", controller: true, blockOwnerDeletion: false }],
          finalizers: ["f1", "f2"],
        }),
      }),
      {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          generateName: "gen-",
          namespace: "ns",
          uid: "u-1",
          resourceVersion: "42",
          generation: 3,
          creationTimestamp: "2024-05-01T10:00:00Z",
          deletionTimestamp: "2024-05-01T10:01:00Z",
          deletionGracePeriodSeconds: 0,
          labels: { a: "1", empty: "" },
          annotations: { "x/y": "z" },
          ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "u-2", controller: true, blockOwnerDeletion: false }],
          finalizers: ["f1", "f2"],
        },
      },
    ],
    [
      "ConfigMap data, binaryData as base64, immutable false kept (pointer)",
      wire("v1", "ConfigMap", { metadata: goMeta("c"), data: { k: "v" }, binaryData: { b: new Uint8Array([0xff, 0x00]) }, immutable: false }),
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { k: "v" }, binaryData: { b: "/wA=" }, immutable: false },
    ],
    [
      "Secret data as base64 and type",
      wire("v1", "Secret", { metadata: goMeta("s"), data: { k: Buffer.from("v") }, type: "Opaque" }),
      { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { k: "dg==" }, type: "Opaque" },
    ],
    [
      "ServiceAccount with automount false",
      wire("v1", "ServiceAccount", { metadata: goMeta("sa"), imagePullSecrets: [{ name: "reg" }], automountServiceAccountToken: false }),
      { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa" }, imagePullSecrets: [{ name: "reg" }], automountServiceAccountToken: false },
    ],
    [
      "Service ports with int and string targetPort, zero nodePort dropped",
      wire("v1", "Service", {
        metadata: goMeta("svc"),
        spec: {
          type: "NodePort",
          clusterIP: "",
          selector: { app: "svc" },
          ports: [
            { name: "a", protocol: "TCP", port: 80, targetPort: { type: 0, intVal: 8080, strVal: "" }, nodePort: 0 },
            { name: "b", protocol: "TCP", port: 443, targetPort: { type: 1, intVal: 0, strVal: "https" }, nodePort: 30443 },
          ],
        },
        status: { loadBalancer: {} },
      }),
      {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "svc" },
        spec: {
          type: "NodePort",
          selector: { app: "svc" },
          ports: [
            { name: "a", protocol: "TCP", port: 80, targetPort: 8080 },
            { name: "b", protocol: "TCP", port: 443, targetPort: "https", nodePort: 30443 },
          ],
        },
        status: { loadBalancer: {} },
      },
    ],
  ])("%s", (_name, body, want) => {
    expect(decodeProtobufObject(body)).toEqual(want);
  });
});

describe("decodeProtobufObject: workloads", () => {
  const podTemplate = {
    metadata: goMeta("", { labels: { app: "d" } }),
    spec: {
      restartPolicy: "Always",
      terminationGracePeriodSeconds: 0,
      containers: [
        {
          name: "web",
          image: "nginx",
          command: ["nginx"],
          args: ["-g", "daemon off;"],
          ports: [{ name: "", hostPort: 0, containerPort: 80, protocol: "TCP" }],
          env: [
            { name: "A", value: "1" },
            { name: "B", valueFrom: { secretKeyRef: { localObjectReference: { name: "s" }, key: "k" } } },
          ],
          resources: { limits: { cpu: { string: "500m" } }, requests: { memory: { string: "64Mi" } } },
          readinessProbe: { handler: { httpGet: { path: "/", port: { type: 0, intVal: 80 } } }, periodSeconds: 5, initialDelaySeconds: 0 },
          stdin: false,
          volumeMounts: [{ name: "data", mountPath: "/data", readOnly: false }],
        },
      ],
      volumes: [
        { name: "data", volumeSource: { emptyDir: {} } },
        { name: "cfg", volumeSource: { configMap: { localObjectReference: { name: "cm" }, defaultMode: 420 } } },
      ],
      tolerations: [{ key: "k", operator: "Exists", tolerationSeconds: 30 }],
    },
  };
  const podTemplateJson = {
    metadata: { labels: { app: "d" } },
    spec: {
      restartPolicy: "Always",
      terminationGracePeriodSeconds: 0,
      containers: [
        {
          name: "web",
          image: "nginx",
          command: ["nginx"],
          args: ["-g", "daemon off;"],
          ports: [{ containerPort: 80, protocol: "TCP" }],
          env: [
            { name: "A", value: "1" },
            { name: "B", valueFrom: { secretKeyRef: { name: "s", key: "k" } } },
          ],
          resources: { limits: { cpu: "500m" }, requests: { memory: "64Mi" } },
          readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 },
          volumeMounts: [{ name: "data", mountPath: "/data" }],
        },
      ],
      volumes: [
        { name: "data", emptyDir: {} },
        { name: "cfg", configMap: { name: "cm", defaultMode: 420 } },
      ],
      tolerations: [{ key: "k", operator: "Exists", tolerationSeconds: 30 }],
    },
  };

  it("Deployment: replicas 0 kept, strategy with IntOrString, pod template flattened", () => {
    const body = wire("apps/v1", "Deployment", {
      metadata: goMeta("d"),
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: "d" }, matchExpressions: [{ key: "tier", operator: "In", values: ["web"] }] },
        template: podTemplate,
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: { type: 1, strVal: "25%" }, maxUnavailable: { type: 0, intVal: 0 } } },
        minReadySeconds: 0,
        paused: false,
      },
    });
    expect(decodeProtobufObject(body)).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d" },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: "d" }, matchExpressions: [{ key: "tier", operator: "In", values: ["web"] }] },
        template: podTemplateJson,
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      },
    });
  });

  it("Deployment without replicas leaves it unset (server defaults it)", () => {
    const obj = decodeProtobufObject(wire("apps/v1", "Deployment", { metadata: goMeta("d"), spec: { template: podTemplate } }));
    expect(obj.spec).not.toHaveProperty("replicas");
  });

  it("Job and CronJob", () => {
    const jobSpec = { backoffLimit: 0, completions: 1, template: podTemplate, suspend: false };
    expect(decodeProtobufObject(wire("batch/v1", "Job", { metadata: goMeta("j"), spec: jobSpec }))).toEqual({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "j" },
      spec: { backoffLimit: 0, completions: 1, template: podTemplateJson, suspend: false },
    });
    const cron = wire("batch/v1", "CronJob", {
      metadata: goMeta("cj"),
      spec: { schedule: "*/1 * * * *", concurrencyPolicy: "", startingDeadlineSeconds: 100, jobTemplate: { metadata: goMeta("cj"), spec: jobSpec } },
    });
    expect(decodeProtobufObject(cron)).toMatchObject({
      kind: "CronJob",
      spec: { schedule: "*/1 * * * *", startingDeadlineSeconds: 100, jobTemplate: { metadata: { name: "cj" }, spec: { backoffLimit: 0 } } },
    });
    expect(decodeProtobufObject(cron).spec).not.toHaveProperty("concurrencyPolicy");
  });

  it("Ingress: rule value flattened into http, backend port number", () => {
    const body = wire("networking.k8s.io/v1", "Ingress", {
      metadata: goMeta("ing"),
      spec: {
        ingressClassName: "nginx",
        defaultBackend: { service: { name: "def", port: { name: "http", number: 0 } } },
        rules: [{ host: "a.example", ingressRuleValue: { http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "svc", port: { name: "", number: 80 } } } }] } } }],
        tls: [{ hosts: ["a.example"], secretName: "tls" }],
      },
    });
    expect(decodeProtobufObject(body)).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "ing" },
      spec: {
        ingressClassName: "nginx",
        defaultBackend: { service: { name: "def", port: { name: "http" } } },
        rules: [{ host: "a.example", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "svc", port: { number: 80 } } } }] } }],
        tls: [{ hosts: ["a.example"], secretName: "tls" }],
      },
    });
  });
});

describe("decodeProtobufObject: errors and envelope variants", () => {
  const rejects = (body: Uint8Array, code: number, reason: string, message: RegExp) => {
    try {
      decodeProtobufObject(body);
    } catch (err) {
      expect(ApiError.is(err)).toBe(true);
      const e = err as ApiError;
      expect([e.code, e.reason]).toEqual([code, reason]);
      expect(e.message).toMatch(message);
      return;
    }
    throw new Error("expected decodeProtobufObject to throw");
  };
  const Unknown = () => protoRoot().lookupType(UNKNOWN_TYPE);
  const envelope = (fields: Record<string, unknown>) =>
    new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...Unknown().encode(Unknown().fromObject(fields)).finish()]);

  it("rejects a body without the k8s\\0 prefix", () => {
    rejects(new TextEncoder().encode('{"kind":"Namespace"}'), 400, "BadRequest", /k8s\\0 protobuf prefix/);
  });

  it("rejects an unknown kind with 415 naming it", () => {
    rejects(envelope({ typeMeta: { apiVersion: "apps/v1", kind: "StatefulSet" }, raw: new Uint8Array() }), 415, "UnsupportedMediaType", /apps\/v1, Kind=StatefulSet/);
  });

  it("rejects an envelope without a kind", () => {
    rejects(envelope({ raw: new Uint8Array([1]) }), 400, "BadRequest", /no apiVersion\/kind/);
  });

  it("rejects a field the schema lacks instead of dropping it", () => {
    // PodSpec field 34 (ephemeralContainers) is not in the subset: append it to a valid pod spec.
    const PodSpec = protoRoot().lookupType("k8s.io.api.core.v1.PodSpec");
    const specWriter = PodSpec.encode(PodSpec.fromObject({ containers: [{ name: "c", image: "i" }] }));
    const spec = specWriter.uint32((34 << 3) | 2).bytes(new Uint8Array([0x0a, 0x00])).finish();
    const template = protobuf.Writer.create().uint32((2 << 3) | 2).bytes(spec).finish();
    const deploymentSpec = protobuf.Writer.create().uint32((3 << 3) | 2).bytes(template).finish();
    const raw = protobuf.Writer.create().uint32((2 << 3) | 2).bytes(deploymentSpec).finish();
    rejects(envelope({ typeMeta: { apiVersion: "apps/v1", kind: "Deployment" }, raw }), 415, "UnsupportedMediaType", /Deployment\.spec\.template\.spec: field 34/);
  });

  it("accepts a status the client sent and leaves it out", () => {
    const Job = protoRoot().lookupType("k8s.io.api.batch.v1.Job");
    const raw = new Uint8Array([...Job.encode(Job.fromObject({ metadata: { name: "j" } })).finish(), 0x1a, 0x02, 0x08, 0x01]);
    expect(decodeProtobufObject(envelope({ typeMeta: { apiVersion: "batch/v1", kind: "Job" }, raw }))).toEqual({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" } });
  });

  it("rejects compressed content", () => {
    rejects(envelope({ typeMeta: { apiVersion: "v1", kind: "Namespace" }, raw: new Uint8Array(), contentEncoding: "gzip" }), 415, "UnsupportedMediaType", /gzip/);
  });

  it("rejects truncated kind bytes", () => {
    rejects(envelope({ typeMeta: { apiVersion: "v1", kind: "Namespace" }, raw: new Uint8Array([0x0a, 0x10, 0x0a]) }), 400, "BadRequest", /unable to decode Namespace/);
  });

  it("accepts JSON carried inside the envelope", () => {
    const raw = new TextEncoder().encode(JSON.stringify({ metadata: { name: "j" }, data: { a: "b" } }));
    expect(decodeProtobufObject(envelope({ typeMeta: { apiVersion: "v1", kind: "ConfigMap" }, raw, contentType: "application/json" }))).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "j" },
      data: { a: "b" },
    });
  });
});

describe("JSON names that differ from proto names", () => {
  it("reads BoundObjectReference.uID as uid", () => {
    const body = wire("authentication.k8s.io/v1", "TokenRequest", { metadata: goMeta("sa"), spec: { boundObjectRef: { kind: "Secret", name: "s", uID: "abc" } } });
    expect(decodeProtobufObject(body).spec).toEqual({ boundObjectRef: { kind: "Secret", name: "s", uid: "abc" } });
  });
});

describe("encodeProtobufObject", () => {
  it.each<KubeObject>([
    { apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "n", labels: { a: "b" } }, data: { k: "dg==" }, type: "Opaque" },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "n", creationTimestamp: "2024-05-01T10:00:00Z", finalizers: ["x"] }, spec: { finalizers: ["kubernetes"] } },
    {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "j" },
      spec: { parallelism: 0, template: { metadata: {}, spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox", envFrom: [{ configMapRef: { name: "cm", optional: true } }] }] } } },
    },
    {
      apiVersion: "authentication.k8s.io/v1",
      kind: "TokenRequest",
      metadata: { name: "sa", namespace: "default" },
      spec: { audiences: ["api"], expirationSeconds: 600, boundObjectRef: { kind: "Pod", apiVersion: "v1", name: "p", uid: "u-9" } },
    },
    {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "p" },
      spec: { maxUnavailable: 1, selector: { matchLabels: { app: "web" } }, unhealthyPodEvictionPolicy: "AlwaysAllow" },
    },
  ])("round-trips $kind", (obj) => {
    expect(decodeProtobufObject(encodeProtobufObject(obj))).toEqual(obj);
  });

  it("refuses kinds without a schema", () => {
    expect(() => encodeProtobufObject({ apiVersion: "v1", kind: "Pod", metadata: {} })).toThrow(/Kind=Pod/);
  });
});

describe("isProtobufContentType", () => {
  it.each([
    ["application/vnd.kubernetes.protobuf", true],
    ["application/vnd.kubernetes.protobuf; charset=binary", true],
    ["Application/VND.Kubernetes.Protobuf", true],
    ["application/json", false],
    ["", false],
    [null, false],
  ])("%s → %s", (ct, want) => {
    expect(isProtobufContentType(ct)).toBe(want);
  });
});
