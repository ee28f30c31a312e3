import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * The web server's process as the operating system sees it, for tests that bound its memory: found by the socket
 * listening on its port (/proc/net/tcp and the processes' open sockets), measured by VmRSS in /proc/<pid>/status.
 * Linux only, like the servers the tests start.
 */
export function pidListeningOn(port: number): number {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local address, state 0A = LISTEN, inode
      if (cols.length > 9 && cols[1]!.endsWith(hex) && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (socket && inodes.has(socket[1]!)) return Number(pid);
      } catch {
        // gone, or not ours
      }
    }
  }
  throw new Error(`no process listens on port ${port}`);
}

/** Resident memory in MB, or 0 once the process has gone. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "latin1"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The processes whose parent is `pid` (the letter parsers the web server starts). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "latin1");
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) out.push(Number(p));
    } catch {
      // gone
    }
  }
  return out;
}

/**
 * Samples the web process's memory (and its children's, together) every 100 ms until stopped; the peaks.
 */
export function watchMemory(pid: number) {
  let web = rssMb(pid);
  let children = 0;
  const timer = setInterval(() => {
    web = Math.max(web, rssMb(pid));
    children = Math.max(
      children,
      childrenOf(pid).reduce((sum, c) => sum + rssMb(c), 0),
    );
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return { webMb: Math.round(web), childrenMb: Math.round(children) };
    },
  };
}
