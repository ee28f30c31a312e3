/**
 * The only place in @innspill/documents that reads process.env, for its tests: on CI every tool they use is
 * installed (.ci/run installs LibreOffice), so a missing one fails there instead of skipping.
 */
const ci = process.env.CI;
export const testEnv = { ci: !!ci && ci !== "0" && ci.toLowerCase() !== "false" };

/** The environment a tool the tests start runs with: this one's, with its own settings on top. */
export const childProcessEnv = (settings: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  ...settings,
});
