import { ComposerView } from "./ComposerView";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ComposerView id={id} />;
}
