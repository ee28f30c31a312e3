import { Composer } from "@/components/submissions/Composer";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <Composer id={id} />;
}
