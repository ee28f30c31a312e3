/**
 * Letters' PDFs made in a child process that is replaced every `maxRenders` letters.
 *
 * Typst keeps native memory for every letter it compiles that `evictCache` does not give back (about 0.1 MB a
 * letter, measured over 2 000 letters; neither evicting everything, recreating the compiler, nor glibc's arena and
 * trim settings kept it flat), so a worker that renders every saved text grew without bound: 228 → 368 MB in the
 * bench's ten minutes. The worker renders through this instead; the child's memory goes with it when it is
 * replaced. One render at a time, in order; a child that dies fails its render (the job is retried) and the next
 * render starts a new one. A render past `timeoutMs` (a letter renders in milliseconds; Typst stuck in a loop
 * never ends) kills the child and fails its letter the same way, so a stuck render never holds the worker or its
 * stop. The bytes are `renderPdf`'s own.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DocumentModel } from "./model";

const CHILD = fileURLToPath(new URL("./pdf-child.ts", import.meta.url));

export class PdfProcess {
  #child: ChildProcess | null = null;
  #renders = 0;
  #queue: Promise<unknown> = Promise.resolve();

  readonly maxRenders: number;
  readonly timeoutMs: number;

  constructor(options: { maxRenders?: number; timeoutMs?: number } = {}) {
    this.maxRenders = options.maxRenders ?? 200;
    // Generous: the first letter of a child also starts Node and loads Typst and the fonts (about a second).
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** The PDF/A of `model`, as `renderPdf` makes it. */
  render(model: DocumentModel): Promise<Buffer> {
    const run = this.#queue.then(() => this.#renderNow(model));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** The child's process id (null before the first render): for tests and the bench's memory count. */
  get pid(): number | null {
    return this.#child?.pid ?? null;
  }

  async close(): Promise<void> {
    await this.#queue;
    this.#stop();
  }

  #stop() {
    this.#child?.kill("SIGKILL");
    this.#child = null;
    this.#renders = 0;
  }

  #start(): ChildProcess {
    const child = fork(CHILD, [], {
      execArgv: ["--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    // It does not keep this process alive between letters (a render holds the channel while it waits).
    child.unref();
    child.channel?.unref();
    // Gone (killed, crashed, out of memory) between letters too: the next letter starts a new one.
    child.on("exit", () => {
      if (this.#child === child) this.#stop();
    });
    return child;
  }

  async #renderNow(model: DocumentModel): Promise<Buffer> {
    const child = (this.#child ??= this.#start());
    child.channel?.ref();
    const pdf = await new Promise<Buffer>((resolve, reject) => {
      const onMessage = (m: { pdf?: Uint8Array; error?: string }) => {
        off();
        if (m.pdf) resolve(Buffer.from(m.pdf));
        else reject(new Error(m.error ?? "The PDF could not be made"));
      };
      const onExit = (code: number | null, signal: string | null) => {
        off();
        reject(new PdfProcessError("pdfProcessEnded", `The PDF process ended (${signal ?? code})`));
      };
      const timer = setTimeout(() => {
        off();
        if (this.#child === child) this.#stop();
        else child.kill("SIGKILL");
        reject(
          new PdfProcessError(
            "pdfTimeout",
            `The PDF took over ${this.timeoutMs / 1000} s; its process was stopped`,
          ),
        );
      }, this.timeoutMs);
      const off = () => {
        clearTimeout(timer);
        child.channel?.unref();
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send({ model }, (err) => {
        if (!err) return;
        off();
        if (this.#child === child) this.#stop();
        reject(err);
      });
    });
    if (++this.#renders >= this.maxRenders) this.#stop();
    return pdf;
  }
}

/**
 * Why a letter's PDF was not made, for the render's stored reason: its key (`pdfTimeout`, `pdfProcessEnded`), which
 * the web app says in the reader's language. The job is tried again either way.
 */
export class PdfProcessError extends Error {
  constructor(
    readonly reason: "pdfTimeout" | "pdfProcessEnded",
    detail: string,
  ) {
    super(detail);
    this.name = "PdfProcessError";
  }
}
