import type { Command } from 'commander';
import type { Io } from './io.js';

export interface CommandContext {
  io: Io;
  /** Record the exit code of the command that ran. */
  exit(code: number): void;
}

/** Each command file adds its command to the program; heavy modules load inside its action. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;
