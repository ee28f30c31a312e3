import path from "node:path";

/**
 * V8's old space for the production web server (MB). Without it V8 sizes the heap from the machine's memory (4 GB on
 * a machine of 16 GB or more) and, with that much room, lets the old space grow to four times what is alive before it
 * collects: the web server held 110–150 MB of live objects and sat at 750–970 MB resident under the bench's mixed
 * load. With 512 MB it collects at about 1.4 times, and stays near 450 MB resident (docs/bench.md). A web process
 * is planned at 1 GB: 512 MB old space, the young generation (up to 192 MB) and about 180 MB of code, native
 * libraries and buffers stay under it. The same flag is in `npm run start:web`, the image and compose.yaml
 * (web-server.test.ts checks they agree).
 */
export const WEB_OLD_SPACE_MB = 512;

/** `node` arguments that start the production web server (the standalone build's server.js) of the workspace at `root`. */
export const webServerArgs = (root: string) => [
  `--max-old-space-size=${WEB_OLD_SPACE_MB}`,
  path.join(root, "apps/web/.next/standalone/apps/web/server.js"),
];
