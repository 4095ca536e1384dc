import type { Metadata } from "next";
import { PageHeader } from "../../../../components/shell/page-header";
import { RegistrationForm } from "../../../../components/clusters/registration-form";

export const metadata: Metadata = { title: "Register cluster" };

export default function RegisterClusterPage() {
  return (
    <>
      <PageHeader title="Register cluster" description="Connect a member cluster in Push mode (kubeconfig or token) or Pull mode (an agent calls home)." />
      <RegistrationForm />
    </>
  );
}
