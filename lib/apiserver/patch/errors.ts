import { ApiError, errors, statusFailure } from "../../kube/errors";

/**
 * The errors the patch handlers of kube-apiserver answer with
 * (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go), built on lib/kube/errors.
 */

/**
 * 422 Invalid as `NewGenericServerResponse(422, …)` builds it: a fixed message and empty
 * details. kube-apiserver answers this when a JSON patch fails to apply (failed `test`,
 * missing path) and drops the underlying reason, so we do too.
 */
export function patchUnprocessable(): ApiError {
  return new ApiError(
    statusFailure(422, "Invalid", "the server rejected our request due to an error in our request", {}),
  );
}

/** 400 BadRequest, used for undecodable patch bodies and malformed SMP directives. */
export function patchBadRequest(message: string): ApiError {
  return errors.badRequest(message);
}

/**
 * A plain Go error that reaches the response writer unconverted becomes a 500 with an empty
 * reason and the error text as message (responsewriters.ErrorToAPIStatus); SMP's
 * "does not contain declared merge key" and friends travel that way.
 */
export function patchInternal(message: string): ApiError {
  const s = statusFailure(500, "", message);
  delete s.reason;
  return new ApiError(s);
}

/** 413 for JSON patches with more operations than kube-apiserver allows. */
export function patchTooLarge(message: string): ApiError {
  return errors.requestEntityTooLarge(`Request entity too large: ${message}`);
}

/**
 * 415 for a patch type the resource does not accept, e.g. strategic merge patch on a custom
 * resource. The message lists the accepted types, as negotiation.NewUnsupportedMediaTypeError does.
 */
export function unsupportedPatchType(accepted: readonly string[]): ApiError {
  return new ApiError(
    statusFailure(
      415,
      "UnsupportedMediaType",
      `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`,
    ),
  );
}
