import { InsightView } from "@/components/imports/InsightView";

export default function Page() {
  return <InsightView />;
}
