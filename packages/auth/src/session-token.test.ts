import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { cookiesOf, readSessionToken } from "./session-token";

const secret = "a".repeat(40);
const jar = (cookies: Record<string, string>) => ({
  get: (name: string) => (name in cookies ? { value: cookies[name]! } : undefined),
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});
const token = (claims: Record<string, unknown>, salt = "authjs.session-token", maxAge = 3600, key = secret) =>
  encode({ token: claims, secret: key, salt, maxAge });

describe("readSessionToken", () => {
  it("reads the user and session version of next-auth's cookie, on HTTP and HTTPS", async () => {
    expect(
      await readSessionToken(
        jar({ "authjs.session-token": await token({ sub: "u1", sv: 3, sid: "s1" }) }),
        secret,
      ),
    ).toEqual({ userId: "u1", sessionVersion: 3, sessionId: "s1" });
    const secure = "__Secure-authjs.session-token";
    expect(await readSessionToken(jar({ [secure]: await token({ sub: "u2" }, secure) }), secret)).toEqual({
      userId: "u2",
      sessionVersion: -1,
      sessionId: null,
    });
  });

  it("joins a token split into chunks", async () => {
    const t = await token({ sub: "u3", sv: 1 });
    const cut = Math.floor(t.length / 2);
    expect(
      await readSessionToken(
        jar({ "authjs.session-token.1": t.slice(cut), "authjs.session-token.0": t.slice(0, cut) }),
        secret,
      ),
    ).toEqual({ userId: "u3", sessionVersion: 1, sessionId: null });
  });

  it("refuses a token made with another secret, for another cookie, expired or changed", async () => {
    const read = (value: string) => readSessionToken(jar({ "authjs.session-token": value }), secret);
    expect(await read(await token({ sub: "u4" }, "authjs.session-token", 3600, "b".repeat(40)))).toBeNull();
    expect(await read(await token({ sub: "u4" }, "__Secure-authjs.session-token"))).toBeNull();
    expect(await read(await token({ sub: "u4" }, "authjs.session-token", -60))).toBeNull();
    const good = await token({ sub: "u4" });
    const i = good.length - 5;
    expect(await read(good.slice(0, i) + (good[i] === "A" ? "B" : "A") + good.slice(i + 1))).toBeNull();
    expect(await read("not a token")).toBeNull();
    expect(await readSessionToken(jar({}), secret)).toBeNull();
  });

  it("reads the token from a Cookie header among other cookies, whole or in chunks", async () => {
    const t = await token({ sub: "u5", sv: 2, sid: "s5" });
    const header = (value: string) => cookiesOf(new Headers({ cookie: value }));
    expect(
      await readSessionToken(header(`theme=dark; authjs.session-token=${t}; x=%E2%9C%93`), secret),
    ).toEqual({ userId: "u5", sessionVersion: 2, sessionId: "s5" });
    const cut = Math.floor(t.length / 3);
    expect(
      await readSessionToken(
        header(`authjs.session-token.1=${t.slice(cut)};authjs.session-token.0=${t.slice(0, cut)}`),
        secret,
      ),
    ).toEqual({ userId: "u5", sessionVersion: 2, sessionId: "s5" });
    expect(header("x=%E2%9C%93; broken; =nameless; y=%zz").getAll()).toEqual([
      { name: "x", value: "✓" },
      { name: "y", value: "%zz" },
    ]);
    expect(await readSessionToken(header(""), secret)).toBeNull();
  });
});
