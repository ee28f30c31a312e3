import { LibrarySection } from "@/components/LibrarySection";

export default function Page() {
  return <LibrarySection section="positions" />;
}
