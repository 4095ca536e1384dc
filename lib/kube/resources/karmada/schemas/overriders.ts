import type { JSONSchemaProps } from "../../../validation/schema-types";
import { clusterAffinity } from "./selectors";
import { anyJSON, list, obj, oneOf, str, strList, strMap } from "./primitives";

/** Every overrider operator (add/remove/replace); command and args overriders allow only add/remove. */
const operator = oneOf(["add", "remove", "replace"]);

/** PlaintextOverrider: a JSON-patch-like operation on a path with any JSON value. */
export const plaintextOverrider: JSONSchemaProps = obj({ path: str(), operator, value: anyJSON }, { required: ["path", "operator"] });

/** ImageOverrider: edits one component of an image, optionally at a predicate path. */
export const imageOverrider: JSONSchemaProps = obj(
  {
    predicate: obj({ path: str() }, { required: ["path"] }),
    component: oneOf(["Registry", "Repository", "Tag"]),
    operator,
    value: str(),
  },
  { required: ["component", "operator"] },
);

/** CommandArgsOverrider (commandOverrider and argsOverrider). */
export const commandArgsOverrider: JSONSchemaProps = obj(
  { containerName: str(), operator: oneOf(["add", "remove"]), value: strList },
  { required: ["containerName", "operator"] },
);

/** LabelAnnotationOverrider (labelsOverrider and annotationsOverrider). */
export const labelAnnotationOverrider: JSONSchemaProps = obj({ operator, value: strMap }, { required: ["operator", "value"] });

/** JSONPatchOperation / YAMLPatchOperation: same shape, the value is raw JSON. */
export const subPatchOperation: JSONSchemaProps = obj({ subPath: str(), operator, value: anyJSON }, { required: ["subPath", "operator"] });

/** FieldOverrider: JSON or YAML patches applied inside a string field holding a document. */
export const fieldOverrider: JSONSchemaProps = obj(
  { fieldPath: str(), json: list(subPatchOperation), yaml: list(subPatchOperation) },
  { required: ["fieldPath"] },
);

/** Overriders: every kind of overrider, each a list. */
export const overriders: JSONSchemaProps = obj({
  plaintext: list(plaintextOverrider),
  imageOverrider: list(imageOverrider),
  commandOverrider: list(commandArgsOverrider),
  argsOverrider: list(commandArgsOverrider),
  labelsOverrider: list(labelAnnotationOverrider),
  annotationsOverrider: list(labelAnnotationOverrider),
  fieldOverrider: list(fieldOverrider),
});

/** RuleWithCluster: overriders (required) for the clusters targetCluster selects. */
export const overrideRule: JSONSchemaProps = obj({ targetCluster: clusterAffinity, overriders }, { required: ["overriders"] });
