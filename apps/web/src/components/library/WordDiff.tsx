/** Word-level diff parts, inline: removed words struck through in red, added words in green. */
export function WordDiff({
  parts,
  show = "both",
}: {
  parts: { value: string; added?: boolean; removed?: boolean }[];
  show?: "both" | "before" | "after";
}) {
  return (
    <span className="whitespace-pre-wrap">
      {parts.map((p, i) => {
        if (p.added)
          return show === "before" ? null : (
            <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
              {p.value}
            </ins>
          );
        if (p.removed)
          return show === "after" ? null : (
            <del key={i} className="bg-red-100 text-red-900">
              {p.value}
            </del>
          );
        return <span key={i}>{p.value}</span>;
      })}
    </span>
  );
}
