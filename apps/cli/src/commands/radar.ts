import { formatDate, listRadarItems, pollRadarNow } from "@innspill/domain";
import { needs, type Command } from "../context";

/** Polls the organisation's hearing sources now (all, or the one named by --source). */
export const radarPoll: Command = {
  usage: "radar poll [--source stortinget|regjeringen]",
  options: ["source"],
  async run({ db, actor, args, values, out }) {
    needs(args.length === 0, "radar poll tar ingen argumenter (bruk --source).");
    const results = await pollRadarNow(db, { source: values.source }, actor);
    const ok = results.every((r) => r.ok);
    out.emit(
      ok,
      ok
        ? { result: results }
        : { error: { code: "SOURCE_FAILED", message: "En kilde svarte ikke som ventet." }, result: results },
      results
        .map((r) =>
          r.ok
            ? `✓ ${r.source}: ${r.notModified ? "uendret siden sist" : `${r.seen} høringer hos kilden, ${r.created} nye, ${r.updated} endret`}`
            : `✗ ${r.source}: ${r.error}`,
        )
        .join("\n"),
    );
    return ok ? 0 : 1;
  },
};

/** The suggestions in «Nye høringer», most relevant first, with the reason (also those with no match). */
export const radarList: Command = {
  usage: "radar list",
  options: [],
  async run({ db, actor, args, out }) {
    needs(args.length === 0, "radar list tar ingen argumenter.");
    const { items } = await listRadarItems(db, { state: "NEW", includeUnmatched: true }, actor);
    out.emit(
      true,
      { result: items },
      items.length
        ? items
            .map(
              (i) =>
                `${i.score.toFixed(1).padStart(5)}  ${i.deadline ? formatDate(i.deadline) : "uten frist"}  ${i.title} (${i.issuer})\n       ${i.reason}\n       ${i.url}`,
            )
            .join("\n")
        : "Ingen nye høringer.",
    );
    return 0;
  },
};
