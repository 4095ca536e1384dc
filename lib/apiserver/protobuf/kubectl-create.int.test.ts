import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../../kube/types";
import { decodeProtobufObject, PROTOBUF_CONTENT_TYPE } from "./codec";
import { createEphemeralTls } from "../tls";
import { startCaptureServer, type CapturedRequest } from "./testing/capture-server";

const run = promisify(execFile);
/** Not valid UTF-8, so kubectl must put it in binaryData. */
const BINARY = Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]);
let dir: string;
let kubeconfigFile: string;
let server: Awaited<ReturnType<typeof startCaptureServer>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "flotilla-pb-"));
  server = await startCaptureServer();
  kubeconfigFile = path.join(dir, "kubeconfig");
  await writeFile(kubeconfigFile, server.kubeconfig);
  const tls = await createEphemeralTls();
  await writeFile(path.join(dir, "tls.crt"), tls.cert);
  await writeFile(path.join(dir, "tls.key"), tls.key);
  await writeFile(path.join(dir, "blob.bin"), BINARY);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function kubectl(args: string[]): Promise<string> {
  const { stdout } = await run("kubectl", ["--kubeconfig", kubeconfigFile, "--cache-dir", path.join(dir, "cache"), ...args], {
    env: { ...process.env, HOME: dir },
  });
  return stdout;
}

/** Runs `kubectl create …`, returns the one POST it made, decoded. */
async function create(args: string[]): Promise<{ req: CapturedRequest; obj: KubeObject }> {
  const before = server.requests.length;
  await kubectl(["create", ...args]);
  const posts = server.requests.slice(before);
  expect(posts).toHaveLength(1);
  return { req: posts[0], obj: decodeProtobufObject(posts[0].body) };
}

/** kubectl's own JSON for the same generator (--dry-run=client), without Go's null timestamps and the server-owned status. */
async function dryRun(args: string[]): Promise<unknown> {
  const dash = args.indexOf("--");
  const flagged = dash < 0 ? [...args, "--dry-run=client", "-o", "json"] : [...args.slice(0, dash), "--dry-run=client", "-o", "json", ...args.slice(dash)];
  return normalize(JSON.parse(await kubectl(["create", ...flagged])));
}

function normalize(v: unknown, depth = 0): unknown {
  if (Array.isArray(v)) return v.map((x) => normalize(x, depth + 1));
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null) continue;
      if (k === "status" && depth === 0) continue;
      out[k] = normalize(x, depth + 1);
    }
    return out;
  }
  return v;
}

// Paths under the temp dir are only known at run time; "@/" marks them.
const CASES: { name: string; args: string[]; path: string; check: (o: KubeObject) => void }[] = [
  {
    name: "configmap with binary data from a file",
    args: ["configmap", "bin", "--from-file=@/blob.bin", "--from-literal=txt=hello"],
    path: "/api/v1/namespaces/default/configmaps",
    check: (o) => expect(o).toMatchObject({ data: { txt: "hello" }, binaryData: { "blob.bin": BINARY.toString("base64") } }),
  },
  {
    name: "secret tls",
    args: ["secret", "tls", "cert", "--cert=@/tls.crt", "--key=@/tls.key"],
    path: "/api/v1/namespaces/default/secrets",
    check: (o) => {
      expect(o.type).toBe("kubernetes.io/tls");
      const data = o.data as Record<string, string>;
      expect(Buffer.from(data["tls.crt"], "base64").toString()).toContain("BEGIN CERTIFICATE");
      expect(Buffer.from(data["tls.key"], "base64").toString()).toContain("PRIVATE KEY");
    },
  },
  {
    name: "service loadbalancer",
    args: ["service", "loadbalancer", "lb", "--tcp=443:https"],
    path: "/api/v1/namespaces/default/services",
    check: (o) => expect(o).toMatchObject({ spec: { type: "LoadBalancer", ports: [{ port: 443, targetPort: "https", protocol: "TCP" }] } }),
  },
  {
    name: "namespace",
    args: ["namespace", "x"],
    path: "/api/v1/namespaces",
    check: (o) => expect(o).toMatchObject({ apiVersion: "v1", kind: "Namespace", metadata: { name: "x" } }),
  },
  {
    name: "configmap",
    args: ["configmap", "c", "--from-literal=a=b", "--from-literal=empty=", "-n", "default"],
    path: "/api/v1/namespaces/default/configmaps",
    check: (o) => expect(o).toMatchObject({ kind: "ConfigMap", metadata: { name: "c", namespace: "default" }, data: { a: "b", empty: "" } }),
  },
  {
    name: "secret generic",
    args: ["secret", "generic", "s", "--from-literal=k=v"],
    path: "/api/v1/namespaces/default/secrets",
    check: (o) => expect(o).toMatchObject({ kind: "Secret", metadata: { name: "s" }, data: { k: Buffer.from("v").toString("base64") } }),
  },
  {
    name: "secret docker-registry",
    args: ["secret", "docker-registry", "reg", "--docker-server=r.example", "--docker-username=u", "--docker-password=p"],
    path: "/api/v1/namespaces/default/secrets",
    check: (o) => {
      expect(o.type).toBe("kubernetes.io/dockerconfigjson");
      const cfg = JSON.parse(Buffer.from((o.data as Record<string, string>)[".dockerconfigjson"], "base64").toString());
      expect(cfg.auths["r.example"].username).toBe("u");
    },
  },
  {
    name: "deployment",
    args: ["deployment", "d", "--image=nginx", "--replicas=2", "--port=80"],
    path: "/apis/apps/v1/namespaces/default/deployments",
    check: (o) =>
      expect(o).toMatchObject({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "d", labels: { app: "d" } },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "d" } },
          template: { metadata: { labels: { app: "d" } }, spec: { containers: [{ name: "nginx", image: "nginx", ports: [{ containerPort: 80 }] }] } },
        },
      }),
  },
  {
    name: "deployment with zero replicas",
    args: ["deployment", "d0", "--image=nginx", "--replicas=0"],
    path: "/apis/apps/v1/namespaces/default/deployments",
    check: (o) => expect((o.spec as { replicas: number }).replicas).toBe(0),
  },
  {
    name: "job",
    args: ["job", "j", "--image=busybox", "--", "echo", "hi"],
    path: "/apis/batch/v1/namespaces/default/jobs",
    check: (o) =>
      expect(o).toMatchObject({
        apiVersion: "batch/v1",
        kind: "Job",
        spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "j", image: "busybox", command: ["echo", "hi"] }] } } },
      }),
  },
  {
    name: "cronjob",
    args: ["cronjob", "cj", "--image=busybox", "--schedule=*/5 * * * *"],
    path: "/apis/batch/v1/namespaces/default/cronjobs",
    check: (o) =>
      expect(o).toMatchObject({
        kind: "CronJob",
        spec: { schedule: "*/5 * * * *", jobTemplate: { metadata: { name: "cj" }, spec: { template: { spec: { restartPolicy: "OnFailure" } } } } },
      }),
  },
  {
    name: "service clusterip",
    args: ["service", "clusterip", "svc", "--tcp=80:8080"],
    path: "/api/v1/namespaces/default/services",
    check: (o) =>
      expect(o).toMatchObject({
        kind: "Service",
        metadata: { name: "svc", labels: { app: "svc" } },
        spec: { type: "ClusterIP", selector: { app: "svc" }, ports: [{ name: "80-8080", protocol: "TCP", port: 80, targetPort: 8080 }] },
      }),
  },
  {
    name: "service nodeport",
    args: ["service", "nodeport", "np", "--tcp=5678:8080", "--node-port=30080"],
    path: "/api/v1/namespaces/default/services",
    check: (o) => expect(o).toMatchObject({ spec: { type: "NodePort", ports: [{ port: 5678, targetPort: 8080, nodePort: 30080 }] } }),
  },
  {
    name: "service externalname",
    args: ["service", "externalname", "ext", "--external-name=db.example.com"],
    path: "/api/v1/namespaces/default/services",
    check: (o) => expect(o).toMatchObject({ spec: { type: "ExternalName", externalName: "db.example.com" } }),
  },
  {
    name: "serviceaccount",
    args: ["serviceaccount", "sa"],
    path: "/api/v1/namespaces/default/serviceaccounts",
    check: (o) => expect(o).toEqual({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa" } }),
  },
  {
    name: "role",
    args: ["role", "reader", "--verb=get,list", "--resource=configmaps,deployments.apps", "--resource-name=x"],
    path: "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles",
    check: (o) =>
      expect(o).toMatchObject({
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "Role",
        rules: [
          { apiGroups: [""], resources: ["configmaps"], resourceNames: ["x"], verbs: ["get", "list"] },
          { apiGroups: ["apps"], resources: ["deployments"], resourceNames: ["x"], verbs: ["get", "list"] },
        ],
      }),
  },
  {
    name: "clusterrole with non-resource URLs",
    args: ["clusterrole", "metrics", "--verb=get", "--non-resource-url=/metrics"],
    path: "/apis/rbac.authorization.k8s.io/v1/clusterroles",
    check: (o) => expect(o).toMatchObject({ kind: "ClusterRole", rules: [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }] }),
  },
  {
    name: "rolebinding",
    args: ["rolebinding", "rb", "--role=reader", "--user=alice", "--serviceaccount=default:sa"],
    path: "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings",
    check: (o) =>
      expect(o).toMatchObject({
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" },
        subjects: [
          { apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "alice" },
          { kind: "ServiceAccount", name: "sa", namespace: "default" },
        ],
      }),
  },
  {
    name: "clusterrolebinding",
    args: ["clusterrolebinding", "crb", "--clusterrole=metrics", "--group=devs"],
    path: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
    check: (o) => expect(o).toMatchObject({ kind: "ClusterRoleBinding", roleRef: { kind: "ClusterRole", name: "metrics" }, subjects: [{ kind: "Group", name: "devs" }] }),
  },
  {
    name: "quota",
    args: ["quota", "q", "--hard=cpu=1,memory=1G,pods=2", "--scopes=BestEffort"],
    path: "/api/v1/namespaces/default/resourcequotas",
    check: (o) => expect(o).toMatchObject({ kind: "ResourceQuota", spec: { hard: { cpu: "1", memory: "1G", pods: "2" }, scopes: ["BestEffort"] } }),
  },
  {
    name: "poddisruptionbudget",
    args: ["pdb", "p", "--selector=app=web", "--min-available=50%"],
    path: "/apis/policy/v1/namespaces/default/poddisruptionbudgets",
    check: (o) => expect(o).toMatchObject({ kind: "PodDisruptionBudget", spec: { minAvailable: "50%", selector: { matchLabels: { app: "web" } } } }),
  },
  {
    name: "priorityclass",
    args: ["priorityclass", "high", "--value=1000", "--description=important", "--preemption-policy=Never"],
    path: "/apis/scheduling.k8s.io/v1/priorityclasses",
    check: (o) => expect(o).toMatchObject({ kind: "PriorityClass", value: 1000, description: "important", preemptionPolicy: "Never" }),
  },
  {
    name: "ingress",
    args: ["ingress", "ing", "--rule=foo.example/bar*=svc:8080,tls=cert", "--class=nginx"],
    path: "/apis/networking.k8s.io/v1/namespaces/default/ingresses",
    check: (o) =>
      expect(o).toMatchObject({
        kind: "Ingress",
        spec: {
          ingressClassName: "nginx",
          rules: [{ host: "foo.example", http: { paths: [{ path: "/bar", pathType: "Prefix", backend: { service: { name: "svc", port: { number: 8080 } } } }] } }],
          tls: [{ hosts: ["foo.example"], secretName: "cert" }],
        },
      }),
  },
];

describe("protobuf bodies posted by the real kubectl create", () => {
  it.each(CASES)("$name", async ({ args: rawArgs, path: wantPath, check }) => {
    const args = rawArgs.map((a) => a.replace("@/", `${dir}/`));
    const { req, obj } = await create(args);
    expect(req.contentType).toBe(PROTOBUF_CONTENT_TYPE);
    expect(Buffer.from(req.body.subarray(0, 4)).toString("latin1")).toBe("k8s\0");
    expect(req.path).toBe(wantPath);
    check(obj);
    // kubectl's own JSON rendering of the same generator is the oracle for the full shape.
    expect(normalize(obj)).toEqual(await dryRun(args));
  });
});

describe("protobuf bodies of kubectl's review and token requests", () => {
  async function last(args: string[]): Promise<{ req: CapturedRequest; obj: KubeObject; stdout: string }> {
    const before = server.requests.length;
    const stdout = await kubectl(args);
    const posts = server.requests.slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0].contentType).toBe(PROTOBUF_CONTENT_TYPE);
    return { req: posts[0], obj: decodeProtobufObject(posts[0].body), stdout };
  }

  it("auth can-i posts a SelfSubjectAccessReview", async () => {
    const { obj, stdout } = await last(["auth", "can-i", "list", "deployments.apps", "-n", "team"]);
    expect(stdout.trim()).toBe("yes");
    expect(obj).toMatchObject({
      apiVersion: "authorization.k8s.io/v1",
      kind: "SelfSubjectAccessReview",
      spec: { resourceAttributes: { namespace: "team", verb: "list", group: "apps", resource: "deployments" } },
    });
  });

  it("auth whoami posts a SelfSubjectReview", async () => {
    const { obj, stdout } = await last(["auth", "whoami", "-o", "json"]);
    expect(JSON.parse(stdout).status.userInfo.username).toBe("tester");
    expect(obj).toEqual({ apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview", metadata: {} });
  });

  it("create token posts a TokenRequest to the serviceaccount's token subresource", async () => {
    const { req, obj, stdout } = await last(["create", "token", "sa", "--duration=1h", "--audience=api"]);
    expect(stdout.trim()).toBe("issued-token");
    expect(req.path).toBe("/api/v1/namespaces/default/serviceaccounts/sa/token");
    expect(obj).toMatchObject({ apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: { audiences: ["api"], expirationSeconds: 3600 } });
  });
});
