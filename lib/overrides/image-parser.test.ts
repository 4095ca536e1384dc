import { describe, expect, it } from "vitest";
import { parseImage, splitHostname } from "./image-parser";

const DIGEST = "sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c";

describe("parseImage (Karmada imageparser TestParse)", () => {
  it.each([
    ["simple", "pause", "", "pause", "", ""],
    ["repository", "subpath/imagename:v1.0.0", "", "subpath/imagename", "v1.0.0", ""],
    ["normal", "fictional.registry.example/imagename:v1.0.0", "fictional.registry.example", "imagename", "v1.0.0", ""],
    ["hostname with port", "fictional.registry.example:10443/subpath/imagename:v1.0.0", "fictional.registry.example:10443", "subpath/imagename", "v1.0.0", ""],
    ["digest", `fictional.registry.example:10443/subpath/imagename@${DIGEST}`, "fictional.registry.example:10443", "subpath/imagename", "", DIGEST],
  ])("%s", (_n, image, host, repo, tag, digest) => {
    const c = parseImage(image);
    expect(c.toString()).toBe(image);
    expect([c.hostname, c.repository, c.tag, c.digest]).toEqual([host, repo, tag, digest]);
  });

  it("keeps only the tag when both tag and digest are present", () => {
    expect(parseImage(`nginx:1.0@${DIGEST}`).toString()).toBe("nginx:1.0");
  });

  it.each([
    ["", "repository name must have at least one component"],
    ["Nginx", "repository name must be lowercase"],
    ["nginx:", "invalid reference format"],
    ["nginx@sha256:abc", "invalid reference format"],
    ["nginx@sha256:" + "a".repeat(40), "invalid checksum digest length"],
    ["nginx@md5:" + "a".repeat(32), "unsupported digest algorithm"],
  ])("rejects %j", (image, message) => {
    expect(() => parseImage(image)).toThrow(message);
  });
});

describe("splitHostname (Karmada TestSplitHostname)", () => {
  it.each([
    ["", "", ""],
    ["imagename", "", "imagename"],
    ["subpath/imagename", "", "subpath/imagename"],
    ["fictional.registry.example/subpath/imagename", "fictional.registry.example", "subpath/imagename"],
    ["fictional.registry.example:10443/subpath/imagename", "fictional.registry.example:10443", "subpath/imagename"],
    ["10.10.10.10:10443/subpath/imagename", "10.10.10.10:10443", "subpath/imagename"],
    ["localhost/imagename", "localhost", "imagename"],
  ])("%j", (input, host, repo) => {
    expect(splitHostname(input)).toEqual([host, repo]);
  });
});

describe("components setters (Karmada examples)", () => {
  it("sets, updates and removes the hostname", () => {
    const c = parseImage("imagename:v1.0.0");
    c.hostname = "fictional.registry.example";
    expect(c.toString()).toBe("fictional.registry.example/imagename:v1.0.0");
    c.hostname = "";
    expect(c.toString()).toBe("imagename:v1.0.0");
  });

  it("switches between tag and digest", () => {
    const c = parseImage("gcr.io/kube-apiserver");
    c.setTagOrDigest("v1.19.0");
    expect(c.toString()).toBe("gcr.io/kube-apiserver:v1.19.0");
    c.removeTagOrDigest();
    expect(c.toString()).toBe("gcr.io/kube-apiserver");
    c.setTagOrDigest(DIGEST);
    expect(c.toString()).toBe(`gcr.io/kube-apiserver@${DIGEST}`);
    c.removeTagOrDigest();
    expect(c.toString()).toBe("gcr.io/kube-apiserver");
  });
});
