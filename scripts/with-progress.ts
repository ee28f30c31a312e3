// Run by Node itself (type stripping), so the build needs nothing installed to run it.
// Runs a command (`next build`), passing its output through; after 15 s without a line it says it is still at work and
// for how long, so a build is not a minute and a half of silence. Exits with the command's code.
import { spawn } from "node:child_process";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node with-progress.ts <command> [args …]");
  process.exit(2);
}
const started = Date.now();
let quietSince = started;
const child = spawn(command, args, { stdio: ["inherit", "pipe", "pipe"] });
for (const [from, to] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
] as const) {
  from.on("data", (chunk) => {
    quietSince = Date.now();
    to.write(chunk);
  });
}
const timer = setInterval(() => {
  if (Date.now() - quietSince < 15_000) return;
  quietSince = Date.now();
  console.log(`  … still working (${Math.round((Date.now() - started) / 1000)} s)`);
}, 1_000);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  clearInterval(timer);
  if (code === 0) console.log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
  process.exit(code ?? (signal ? 1 : 0));
});
