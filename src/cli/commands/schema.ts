import { Argument } from 'commander';
import { readFile } from 'node:fs/promises';
import { SCHEMA_KINDS, schemaPath, type SchemaKind } from '../../validate/schema-kinds.js';
import type { RegisterCommand } from '../command.js';

export const registerSchema: RegisterCommand = (program, { io, exit }) => {
  program
    .command('schema')
    .description('print the JSON Schema of a kind of file (for editors and other tools)')
    .addArgument(new Argument('<kind>', 'kind of file').choices(SCHEMA_KINDS))
    .action(async (kind: SchemaKind) => {
      io.stdout.write(await readFile(schemaPath(kind), 'utf8'));
      exit(0);
    });
};
