/** Starting points for "Create resource", by kind token; Deployment is the default. */
export const SAMPLE_MANIFESTS: Record<string, string> = {
  "deployments.apps": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  namespace: default
  labels:
    app: nginx
spec:
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`,
  configmaps: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: default
data:
  key: value
`,
};

/** The sample for a kind token, or a skeleton naming the kind. */
export function sampleManifest(kindToken: string | undefined): string {
  return SAMPLE_MANIFESTS[kindToken ?? "deployments.apps"] ?? SAMPLE_MANIFESTS["deployments.apps"];
}
