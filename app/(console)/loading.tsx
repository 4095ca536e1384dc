import { LoadingState } from "../../components/ui/states";

/** Shown while a console page's server component prefetches (streamed, so the shell stays). */
export default function ConsoleLoading() {
  return <LoadingState label="Loading…" />;
}
