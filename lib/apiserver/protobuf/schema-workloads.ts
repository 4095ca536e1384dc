/**
 * Hand-written proto2 subsets of apps/v1 Deployment, batch/v1 Job and CronJob and
 * networking/v1 Ingress (field numbers from upstream generated.proto). Status is accepted but
 * not decoded (`(skip)`): `kubectl create` sends it empty and the server owns it.
 * See schema-meta.ts for `(ptr)` and `(inline)`.
 */
export const APPS_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.apps.v1;

message RollingUpdateDeployment {
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxUnavailable = 1;
  optional .k8s.io.apimachinery.pkg.util.intstr.IntOrString maxSurge = 2;
}
message DeploymentStrategy {
  optional string type = 1;
  optional RollingUpdateDeployment rollingUpdate = 2;
}
message DeploymentSpec {
  optional int32 replicas = 1 [(ptr) = true];
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 2;
  optional .k8s.io.api.core.v1.PodTemplateSpec template = 3;
  optional DeploymentStrategy strategy = 4;
  optional int32 minReadySeconds = 5;
  optional int32 revisionHistoryLimit = 6 [(ptr) = true];
  optional bool paused = 7;
  optional int32 progressDeadlineSeconds = 9 [(ptr) = true];
}
message Deployment {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional DeploymentSpec spec = 2;
  optional .k8s.io.apimachinery.pkg.runtime.ServerOwned status = 3 [(skip) = true];
}
`;

export const BATCH_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.batch.v1;

message PodFailurePolicyOnExitCodesRequirement {
  optional string containerName = 1 [(ptr) = true];
  optional string operator = 2;
  repeated int32 values = 3;
}
message PodFailurePolicyOnPodConditionsPattern {
  optional string type = 1;
  optional string status = 2;
}
message PodFailurePolicyRule {
  optional string action = 1;
  optional PodFailurePolicyOnExitCodesRequirement onExitCodes = 2;
  repeated PodFailurePolicyOnPodConditionsPattern onPodConditions = 3;
}
message PodFailurePolicy { repeated PodFailurePolicyRule rules = 1; }
message SuccessPolicyRule {
  optional string succeededIndexes = 1 [(ptr) = true];
  optional int32 succeededCount = 2 [(ptr) = true];
}
message SuccessPolicy { repeated SuccessPolicyRule rules = 1; }
message JobSpec {
  optional int32 parallelism = 1 [(ptr) = true];
  optional int32 completions = 2 [(ptr) = true];
  optional int64 activeDeadlineSeconds = 3 [(ptr) = true];
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.LabelSelector selector = 4;
  optional bool manualSelector = 5 [(ptr) = true];
  optional .k8s.io.api.core.v1.PodTemplateSpec template = 6;
  optional int32 backoffLimit = 7 [(ptr) = true];
  optional int32 ttlSecondsAfterFinished = 8 [(ptr) = true];
  optional string completionMode = 9 [(ptr) = true];
  optional bool suspend = 10 [(ptr) = true];
  optional PodFailurePolicy podFailurePolicy = 11;
  optional int32 backoffLimitPerIndex = 12 [(ptr) = true];
  optional int32 maxFailedIndexes = 13 [(ptr) = true];
  optional string podReplacementPolicy = 14 [(ptr) = true];
  optional string managedBy = 15 [(ptr) = true];
  optional SuccessPolicy successPolicy = 16;
}
message Job {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional JobSpec spec = 2;
  optional .k8s.io.apimachinery.pkg.runtime.ServerOwned status = 3 [(skip) = true];
}
message JobTemplateSpec {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional JobSpec spec = 2;
}
message CronJobSpec {
  optional string schedule = 1;
  optional int64 startingDeadlineSeconds = 2 [(ptr) = true];
  optional string concurrencyPolicy = 3;
  optional bool suspend = 4 [(ptr) = true];
  optional JobTemplateSpec jobTemplate = 5;
  optional int32 successfulJobsHistoryLimit = 6 [(ptr) = true];
  optional int32 failedJobsHistoryLimit = 7 [(ptr) = true];
  optional string timeZone = 8 [(ptr) = true];
}
message CronJob {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional CronJobSpec spec = 2;
  optional .k8s.io.apimachinery.pkg.runtime.ServerOwned status = 3 [(skip) = true];
}
`;

export const NETWORKING_V1_PROTO = `
syntax = "proto2";
package k8s.io.api.networking.v1;

message ServiceBackendPort {
  optional string name = 1;
  optional int32 number = 2;
}
message IngressServiceBackend {
  optional string name = 1;
  optional ServiceBackendPort port = 2;
}
message IngressBackend {
  optional .k8s.io.api.core.v1.TypedLocalObjectReference resource = 3;
  optional IngressServiceBackend service = 4;
}
message IngressTLS {
  repeated string hosts = 1;
  optional string secretName = 2;
}
message HTTPIngressPath {
  optional string path = 1;
  optional IngressBackend backend = 2;
  optional string pathType = 3 [(ptr) = true];
}
message HTTPIngressRuleValue { repeated HTTPIngressPath paths = 1; }
message IngressRuleValue { optional HTTPIngressRuleValue http = 1; }
message IngressRule {
  optional string host = 1;
  optional IngressRuleValue ingressRuleValue = 2 [(inline) = true];
}
message IngressSpec {
  optional IngressBackend defaultBackend = 1;
  repeated IngressTLS tls = 2;
  repeated IngressRule rules = 3;
  optional string ingressClassName = 4 [(ptr) = true];
}
message Ingress {
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  optional IngressSpec spec = 2;
  optional .k8s.io.apimachinery.pkg.runtime.ServerOwned status = 3 [(skip) = true];
}
`;
