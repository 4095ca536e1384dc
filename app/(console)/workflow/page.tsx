import type { Metadata } from "next";
import { PageHeader } from "../../../components/shell/page-header";
import { WorkflowPicker } from "../../../components/workflow/workflow-picker";

export const metadata: Metadata = { title: "Workflow" };

export default function WorkflowPage() {
  return (
    <>
      <PageHeader title="Workflow" description="Template → policy → binding → Works → member objects, for any resource." />
      <WorkflowPicker />
      <p className="mt-4 text-sm text-slate-500 dark:text-slate-400">Or open it from a resource&apos;s page, where every template links to its workflow.</p>
    </>
  );
}
