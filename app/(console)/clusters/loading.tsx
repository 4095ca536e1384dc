import { LoadingState } from "../../../components/ui/states";

export default function ClustersLoading() {
  return <LoadingState label="Loading clusters…" />;
}
