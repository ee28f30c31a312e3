/** The command table: each command in a file of its own, named by the words that call it. */
import type { Command } from "../context";
import { backup } from "./backup";
import { exportNoarkCommand } from "./export-noark";
import { importLetter } from "./import-letter";
import { importPlatform } from "./import-platform";
import { outcomesExport, outcomesReport } from "./outcomes";
import { render } from "./render";
import { restore } from "./restore";
import { usersAdd } from "./users-add";
import { usersDeactivate } from "./users-deactivate";
import { usersResetPassword } from "./users-reset-password";
import { verify } from "./verify";
import { radarList, radarPoll } from "./radar";

export const COMMANDS: Record<string, Command> = {
  "import platform": importPlatform,
  "import letter": importLetter,
  render,
  verify,
  "export noark": exportNoarkCommand,
  "users add": usersAdd,
  "users deactivate": usersDeactivate,
  "users reset-password": usersResetPassword,
  backup,
  restore,
  "radar poll": radarPoll,
  "radar list": radarList,
  "outcomes export": outcomesExport,
  "outcomes report": outcomesReport,
};

/** The command named by the first positionals (two words, or one), and the positionals after it. */
export function findCommand(
  positionals: string[],
): { name: string; command: Command; args: string[] } | null {
  for (const words of [2, 1]) {
    const name = positionals.slice(0, words).join(" ");
    const command = COMMANDS[name];
    if (command && positionals.length >= words) return { name, command, args: positionals.slice(words) };
  }
  return null;
}
