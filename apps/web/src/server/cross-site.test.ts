import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Route handlers that change nothing a cookie could be abused for: the public verifier reads a file and answers. */
const NO_SESSION = new Set(["verifiser/route.ts"]);

function routes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routes(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

describe("route handlers that change something", () => {
  it("each refuse a request another site's page sent (crossSiteResponse), first", () => {
    const api = path.join(import.meta.dirname, "../app/api");
    const mutating = routes(api).filter((file) =>
      /export (async function|const|\{[^}]*\bas) ?(POST|PUT|PATCH|DELETE)\b|handler as (POST|PUT|PATCH|DELETE)/.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(mutating.length).toBeGreaterThanOrEqual(3);
    // tRPC's route hands every request to the handler the production server also calls directly.
    const trpc = readFileSync(path.join(import.meta.dirname, "trpc-handler.ts"), "utf8");
    expect(trpc).toMatch(
      /export function trpcHandler[^{]*\{\s*(\/\/[^\n]*\n\s*)*const refused = crossSiteResponse\(req\)/,
    );
    const guarded = (source: string) =>
      source.includes("crossSiteResponse(req)") || /=> trpcHandler\(req\)/.test(source);
    const unguarded = mutating
      .filter((file) => !NO_SESSION.has(path.relative(api, file)))
      .filter((file) => !guarded(readFileSync(file, "utf8")));
    expect(unguarded).toEqual([]);
  });
});
