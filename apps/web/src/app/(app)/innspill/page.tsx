import { SubmissionsList } from "@/components/submissions/SubmissionsList";

export default function SubmissionsPage() {
  return <SubmissionsList />;
}
