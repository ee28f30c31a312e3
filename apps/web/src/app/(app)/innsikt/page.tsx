import { InsightView } from "./InsightView";

export default function Page() {
  return <InsightView />;
}
