import { SubmissionsView } from "./SubmissionsView";

export default function SubmissionsPage() {
  return <SubmissionsView />;
}
