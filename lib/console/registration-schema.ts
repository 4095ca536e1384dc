import { z } from "zod";
import { EMPTY_REGISTRATION, validateRegistration, type RegistrationForm } from "./registration";

/**
 * The registration form's zod schema, for react-hook-form's zodResolver. The shape is the
 * RegistrationForm model; the rules are validateRegistration's, so the form, its unit tests and
 * the request builder share one definition of "valid" (style.md §2.5). Missing fields (a
 * disabled control submits nothing) fall back to the empty form's values.
 */
export const registrationFormSchema = z
  .object({
    name: z.string().default(EMPTY_REGISTRATION.name),
    syncMode: z.enum(["Push", "Pull"]).default(EMPTY_REGISTRATION.syncMode),
    credentials: z.enum(["kubeconfig", "token"]).default(EMPTY_REGISTRATION.credentials),
    kubeconfig: z.string().default(""),
    context: z.string().default(""),
    apiEndpoint: z.string().default(""),
    token: z.string().default(""),
    caData: z.string().default(""),
    insecureSkipTLSVerification: z.boolean().default(false),
    labels: z.string().default(""),
    provider: z.string().default(""),
    region: z.string().default(""),
    zones: z.string().default(""),
    taints: z.string().default(""),
  })
  .superRefine((form, ctx) => {
    for (const [path, message] of Object.entries(validateRegistration(form satisfies RegistrationForm))) {
      ctx.addIssue({ code: "custom", path: [path], message });
    }
  });

export type RegistrationFormInput = z.input<typeof registrationFormSchema>;
