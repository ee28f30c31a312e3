import { HIGHLIGHT_END, HIGHLIGHT_START } from "@innspill/domain/shared";

/** Renders a search snippet; highlights arrive as control characters, never as HTML. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [hit = "", rest = ""] = part.split(HIGHLIGHT_END);
        return (
          <span key={i}>
            <mark className="rounded bg-yellow-200 px-0.5">{hit}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}
