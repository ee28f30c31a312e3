import { describe, expect, it } from "vitest";
import { proxySettingProblem } from "./proxy-setting";

const prod = { nodeEnv: "production", hops: 1, proxyOnly: false, hostname: "0.0.0.0" };

describe("the start-up check of the proxy setting", () => {
  it("refuses a trusted proxy on a production server that anyone may reach directly", () => {
    expect(proxySettingProblem(prod)).toMatch(/TRUSTED_PROXY_ONLY=1/);
    expect(proxySettingProblem({ ...prod, hostname: undefined })).toMatch(/alle grensesnitt/);
  });
  it("accepts it when the operator says only the proxy reaches the server, or it listens on this machine only", () => {
    expect(proxySettingProblem({ ...prod, proxyOnly: true })).toBeNull();
    expect(proxySettingProblem({ ...prod, hostname: "127.0.0.1" })).toBeNull();
    expect(proxySettingProblem({ ...prod, hops: 0 })).toBeNull();
    expect(proxySettingProblem({ ...prod, nodeEnv: "development" })).toBeNull();
  });
});
