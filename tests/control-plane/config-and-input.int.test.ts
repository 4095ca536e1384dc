import { stat, readFile } from "node:fs/promises";
import tls from "node:tls";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kubeconfigCredentials, rawClient, startPlane, type Plane, type RawClient } from "./harness";
import { certificateSans } from "../../lib/apiserver/tls";

/**
 * The configuration contract of the control plane (kubeconfig, admin token and password, CA kept
 * across restarts, env overrides, TLS SANs), authentication, and bad input answered with a
 * clear Status and nothing written.
 */
type Started = Awaited<ReturnType<typeof startPlane>>;
let p: Started;
let raw: RawClient;
beforeAll(async () => {
  p = await startPlane();
  raw = await rawClient(p);
  await raw.request("POST", "/api/v1/namespaces", { body: JSON.stringify({ metadata: { name: "bad" } }), contentType: "application/json" });
});
afterAll(async () => {
  await raw?.close().catch(() => undefined);
  await p?.destroy();
});

/** The leaf certificate the HTTPS listener presents. */
async function servedCertificate(url: string): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: u.hostname, port: Number(u.port), rejectUnauthorized: false }, () => {
      const raw = socket.getPeerCertificate().raw;
      socket.end();
      resolve(`-----BEGIN CERTIFICATE-----\n${raw.toString("base64").replace(/(.{64})/g, "$1\n")}\n-----END CERTIFICATE-----\n`);
    });
    socket.on("error", reject);
  });
}

describe("configuration contract", () => {
  it("writes an admin kubeconfig (HTTPS server, CA data, admin token) and an admin password file with mode 0600", async () => {
    const kc = kubeconfigCredentials(await readFile(p.kubeconfigPath, "utf8"));
    expect(kc.server).toBe(p.url);
    expect(kc.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(kc.token.length).toBeGreaterThanOrEqual(32);
    const pw = path.join(p.dataDir, "admin-password");
    expect((await stat(pw)).mode & 0o777).toBe(0o600);
    const password = (await readFile(pw, "utf8")).trim();
    expect(await p.handle.auth.signIn("admin", password)).not.toBeNull();
    expect(await p.handle.auth.signIn("admin", password + "x")).toBeNull();
    const sans = certificateSans(await servedCertificate(p.url));
    expect(sans).toEqual(expect.arrayContaining(["127.0.0.1", "localhost"]));
    expect((await p.kubectl(["get", "ns", "default", "-o", "name"])).stdout.trim()).toBe("namespace/default");
  });

  it("answers 401 Status without a valid token, and kubectl says it is not logged in", async () => {
    const [none, wrong] = await Promise.all([raw.request("GET", "/api/v1/namespaces", { token: null }), raw.request("GET", "/apis", { token: "nope" })]);
    for (const r of [none, wrong]) {
      expect(r.status).toBe(401);
      expect(r.headers.get("content-type")).toBe("application/json");
      expect(r.json).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", reason: "Unauthorized", code: 401 });
    }
    const [version, healthz, readyz] = await Promise.all(["/version", "/healthz", "/readyz"].map((path) => raw.request("GET", path, { token: null })));
    expect(version.json).toMatchObject({ major: "1", minor: "32" });
    expect([healthz.status, healthz.text, readyz.status, readyz.text]).toEqual([200, "ok", 200, "ok"]);
    const kc = (await readFile(p.kubeconfigPath, "utf8")).replace(/token: .*/, "token: wrong-token");
    const other = path.join(p.dataDir, "wrong-kubeconfig");
    await import("node:fs/promises").then((fs) => fs.writeFile(other, kc));
    // A fresh discovery cache: discovery is the first call refused (as with a real cluster).
    const r = await p.kubectl(["--kubeconfig", other, "--cache-dir", path.join(p.dataDir, "wrong-cache"), "get", "cm"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: You must be logged in to the server (the server has asked for the client to provide credentials)");
  });

  it("honours FLOTILLA_ADMIN_TOKEN, FLOTILLA_ADMIN_PASSWORD and FLOTILLA_TLS_SANS", async () => {
    const env = { FLOTILLA_ADMIN_TOKEN: "token-from-env-0123456789", FLOTILLA_ADMIN_PASSWORD: "password-from-env", FLOTILLA_TLS_SANS: "flotilla.example.com, 10.20.30.40" };
    const q = await startPlane({ env });
    try {
      const kc = kubeconfigCredentials(await readFile(q.kubeconfigPath, "utf8"));
      expect(kc.token).toBe(env.FLOTILLA_ADMIN_TOKEN);
      expect(await q.handle.auth.signIn("admin", env.FLOTILLA_ADMIN_PASSWORD)).not.toBeNull();
      const sans = certificateSans(await servedCertificate(q.url));
      expect(sans).toEqual(expect.arrayContaining(["127.0.0.1", "localhost", "flotilla.example.com", "10.20.30.40"]));
      expect((await q.kubectl(["get", "ns", "default", "-o", "name"])).stdout.trim()).toBe("namespace/default");
    } finally {
      await q.destroy();
    }
  });
});

describe("bad input never hurts", () => {
  const json = "application/json";
  const cmPath = "/api/v1/namespaces/bad/configmaps";

  it("answers each bad request with a clear 4xx Status", async () => {
    const big = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "big" }, data: { k: "a".repeat(3 * 1024 * 1024) } });
    const cases: { name: string; method: string; path: string; body?: string | Uint8Array; type?: string; code: number; reason: string; message: RegExp }[] = [
      { name: "malformed JSON", method: "POST", path: cmPath, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"', type: json, code: 400, reason: "BadRequest", message: /^couldn't get version\/kind; json parse error: unexpected end of JSON input$/ },
      { name: "malformed YAML", method: "POST", path: cmPath, body: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n", type: "application/yaml", code: 400, reason: "BadRequest", message: /YAML/ },
      { name: "empty body", method: "POST", path: cmPath, body: "", type: json, code: 400, reason: "BadRequest", message: /empty/ },
      { name: "not an object", method: "POST", path: cmPath, body: "[1,2]", type: json, code: 400, reason: "BadRequest", message: /object/ },
      { name: "unknown resource", method: "POST", path: "/api/v1/namespaces/bad/widgets", body: "{}", type: json, code: 404, reason: "NotFound", message: /^the server could not find the requested resource$/ },
      { name: "unknown version", method: "POST", path: "/apis/apps/v9/namespaces/bad/deployments", body: "{}", type: json, code: 404, reason: "NotFound", message: /^the server could not find the requested resource$/ },
      { name: "unknown group", method: "GET", path: "/apis/nope.example.com/v1/things", code: 404, reason: "NotFound", message: /could not find/ },
      { name: "kind not matching the URL", method: "POST", path: cmPath, body: '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"}}', type: json, code: 400, reason: "BadRequest", message: /Secret/ },
      { name: "version not matching the URL", method: "POST", path: cmPath, body: '{"apiVersion":"v2","kind":"ConfigMap","metadata":{"name":"x"}}', type: json, code: 400, reason: "BadRequest", message: /v2/ },
      { name: "invalid DNS-1123 name", method: "POST", path: cmPath, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}}', type: json, code: 422, reason: "Invalid", message: /^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/ },
      { name: "missing name", method: "POST", path: cmPath, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{}}', type: json, code: 422, reason: "Invalid", message: /metadata.name: Required value: name or generateName is required/ },
      { name: "missing required fields", method: "POST", path: "/apis/apps/v1/namespaces/bad/deployments", body: '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{}}', type: json, code: 422, reason: "Invalid", message: /spec.selector: Required value, spec.template: Required value/ },
      { name: "body over 3 MiB", method: "POST", path: cmPath, body: big, type: json, code: 413, reason: "RequestEntityTooLarge", message: /^Request entity too large: limit is 3145728$/ },
      { name: "wrong content type", method: "POST", path: cmPath, body: "{}", type: "text/plain", code: 415, reason: "UnsupportedMediaType", message: /text\/plain/ },
      { name: "PATCH without a patch type", method: "PATCH", path: `${cmPath}/x`, body: "{}", type: json, code: 415, reason: "UnsupportedMediaType", message: /application\/merge-patch\+json/ },
      { name: "strategic merge patch on a custom resource", method: "PATCH", path: "/apis/policy.karmada.io/v1alpha1/namespaces/bad/propagationpolicies/x", body: "{}", type: "application/strategic-merge-patch+json", code: 415, reason: "UnsupportedMediaType", message: /application\/merge-patch\+json/ },
      { name: "bad label selector", method: "GET", path: `${cmPath}?labelSelector=${encodeURIComponent("a in (b")}`, code: 400, reason: "BadRequest", message: /./ },
      { name: "unsupported field selector", method: "GET", path: `${cmPath}?fieldSelector=spec.x%3Dy`, code: 400, reason: "BadRequest", message: /field label not supported: spec.x/ },
      { name: "duplicate field under Strict", method: "POST", path: `${cmPath}?fieldValidation=Strict`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup"},"data":{"a":"1","a":"2"}}', type: json, code: 400, reason: "BadRequest", message: /^strict decoding error: duplicate field "a"$/ },
      { name: "unknown field under Strict", method: "POST", path: `${cmPath}?fieldValidation=Strict`, body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"unk"},"spec":{}}', type: json, code: 400, reason: "BadRequest", message: /^strict decoding error: unknown field "spec"$/ },
      { name: "bad fieldValidation value", method: "POST", path: `${cmPath}?fieldValidation=Loose`, body: "{}", type: json, code: 400, reason: "BadRequest", message: /fieldValidation/ },
    ];
    const results = await Promise.all(cases.map((c) => raw.request(c.method, c.path, { body: c.body, contentType: c.type })));
    cases.forEach((c, i) => {
      const r = results[i];
      expect({ name: c.name, status: r.status, type: r.headers.get("content-type") }).toEqual({ name: c.name, status: c.code, type: "application/json" });
      expect(r.json, c.name).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", code: c.code, reason: c.reason });
      expect(r.json.message, c.name).toMatch(c.message);
    });
    const invalid = results[cases.findIndex((c) => c.name === "missing required fields")].json;
    expect(invalid.details.causes.map((c: { field: string }) => c.field)).toEqual(["spec.selector", "spec.template"]);
    // Nothing was written by any of them.
    const [cms, deploys] = await Promise.all([raw.request("GET", cmPath), raw.request("GET", "/apis/apps/v1/namespaces/bad/deployments")]);
    expect(cms.json.items).toEqual([]);
    expect(deploys.json.items).toEqual([]);
  });

  it("reports bad input through kubectl like a real API server", async () => {
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: bad}\ndata: {k: ${"a".repeat(3 * 1024 * 1024 + 10)}}\n`;
    const [badName, unknownKind, unknownVersion, malformed, tooBig, noNs] = await Promise.all([
      p.kubectl(["apply", "-f", "-"], "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_Name, namespace: bad}\n"),
      p.kubectl(["apply", "-f", "-"], "apiVersion: v1\nkind: Nope\nmetadata: {name: x}\n"),
      p.kubectl(["apply", "-f", "-"], "apiVersion: apps/v9\nkind: Deployment\nmetadata: {name: x}\n"),
      p.kubectl(["apply", "-f", "-"], "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  bad: [\n"),
      p.kubectl(["create", "-f", "-"], big),
      p.kubectl(["get", "cm", "-n", "does-not-exist"]),
    ]);
    expect(badName.stderr).toContain('The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of');
    expect(unknownKind.stderr).toContain('no matches for kind "Nope" in version "v1"');
    expect(unknownVersion.stderr).toContain('no matches for kind "Deployment" in version "apps/v9"');
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain("error converting YAML to JSON");
    expect(tooBig.code).toBe(1);
    expect(tooBig.stderr).toContain("Request entity too large: limit is 3145728");
    expect(noNs.stderr).toContain("No resources found in does-not-exist namespace.");
    expect((await p.kubectl(["get", "cm", "-n", "bad", "-o", "name"])).stdout).toBe("");
  });
});

// Last: it restarts the shared plane.
describe("restart", () => {
  it("keeps the CA, token and password across a restart on the same data dir and store", async () => {
    const dataDir = p.dataDir;
    const before = await readFile(p.kubeconfigPath, "utf8");
    const password = await readFile(path.join(dataDir, "admin-password"), "utf8");
    const caBefore = kubeconfigCredentials(before);
    await raw.close();
    await p.stop();
    // The restarted plane replaces p: afterAll removes its data dir and database.
    p = await startPlane({ reuse: { dataDir, databaseUrl: p.databaseUrl, dropDatabase: p.dropDatabase } });
    const after = kubeconfigCredentials(await readFile(p.kubeconfigPath, "utf8"));
    expect(after.caPem).toBe(caBefore.caPem);
    expect(after.token).toBe(caBefore.token);
    expect(await readFile(path.join(dataDir, "admin-password"), "utf8")).toBe(password);
    expect(await p.handle.auth.signIn("admin", password.trim())).not.toBeNull();
    // The objects survived too (the namespace made before the restart).
    expect((await p.kubectl(["get", "ns", "bad", "-o", "name"])).stdout.trim()).toBe("namespace/bad");
  });
});
