import { describe, expect, it } from "vitest";
import { refuseCrossSite } from "./same-origin";

const req = (method: string, path: string, headers: Record<string, string>) => ({
  method,
  url: `http://innspill.test${path}`,
  headers: new Headers({ host: "innspill.test", ...headers }),
});
const json = { "content-type": "application/json" };

describe("refuseCrossSite", () => {
  it("lets reading requests through from anywhere", () => {
    expect(refuseCrossSite(req("GET", "/api/trpc/me.get", { "sec-fetch-site": "cross-site" }))).toBeNull();
  });

  it("refuses a state change another site's page sends, by Sec-Fetch-Site or by Origin", () => {
    for (const site of ["cross-site", "same-site"])
      expect(
        refuseCrossSite(req("POST", "/api/trpc/me.revokeCalendar", { ...json, "sec-fetch-site": site })),
      ).toBe("crossSite");
    expect(
      refuseCrossSite(req("POST", "/api/hearings/x/documents", { origin: "https://evil.example" })),
    ).toBe("crossSite");
    expect(refuseCrossSite(req("DELETE", "/api/x", { origin: "null" }))).toBe("crossSite");
    // A look-alike host is another host.
    expect(refuseCrossSite(req("POST", "/api/x", { origin: "http://innspill.test.evil.example" }))).toBe(
      "crossSite",
    );
  });

  it("accepts this site's own pages, behind a proxy too, and clients that are not a browser's page", () => {
    expect(
      refuseCrossSite(
        req("POST", "/api/trpc/x", {
          ...json,
          origin: "http://innspill.test",
          "sec-fetch-site": "same-origin",
        }),
      ),
    ).toBeNull();
    // TLS ends at the proxy: the scheme differs, the host is the same.
    expect(
      refuseCrossSite(req("POST", "/api/trpc/x", { ...json, origin: "https://innspill.test" })),
    ).toBeNull();
    // A proxy that sends its own Host: the public address is configured.
    expect(
      refuseCrossSite(
        {
          method: "POST",
          url: "http://web:3000/api/trpc/x",
          headers: new Headers({ ...json, host: "web:3000", origin: "https://innspill.example.no" }),
        },
        ["https://innspill.example.no"],
      ),
    ).toBeNull();
    expect(refuseCrossSite(req("POST", "/api/auth/callback/credentials", {}))).toBeNull();
  });

  it("accepts tRPC mutations as JSON only", () => {
    for (const type of ["multipart/form-data; boundary=x", "text/plain", "application/x-www-form-urlencoded"])
      expect(refuseCrossSite(req("POST", "/api/trpc/me.revokeCalendar", { "content-type": type }))).toBe(
        "jsonOnly",
      );
    expect(refuseCrossSite(req("POST", "/api/trpc/me.revokeCalendar", {}))).toBe("jsonOnly");
    expect(
      refuseCrossSite(
        req("POST", "/api/trpc/me.revokeCalendar", { "content-type": "application/json; charset=utf-8" }),
      ),
    ).toBeNull();
  });
});
