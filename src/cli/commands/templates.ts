import { Argument } from 'commander';
import path from 'node:path';
import { displayPath } from '../../io/display-path.js';
import type { RegisterCommand } from '../command.js';
import type { Io } from '../io.js';
import { requireOutputFolder } from '../output-folder.js';
import { parseText } from '../parse-options.js';
import { writeAndListFiles, type WrittenFilesOptions } from '../written-files.js';

export const registerTemplates: RegisterCommand = (program, { io, exit }) => {
  const templates = program.command('templates').description('the Handlebars templates of the HTML report');
  templates
    .command('export')
    .description('copy the shipped templates into a folder, to edit and pass to psttm report --templates')
    .addArgument(new Argument('<dir>', 'folder to copy them into (created when missing)').argParser(parseText))
    .option('--force', 'overwrite templates already in the folder')
    .option('--json', 'print the written files as JSON')
    .action(async (dir: string, options: WrittenFilesOptions) => exit(await runExport(dir, options, io)));
};

async function runExport(dir: string, options: WrittenFilesOptions, io: Io): Promise<number> {
  const { readTemplateSet, LAYOUT_FILE, COMUNE_LAYOUT_FILE, CSS_FILE, PARTIALS_FOLDER } = await import('../../load/template-files.js');
  const shipped = readTemplateSet(undefined, io.cwd);
  const root = path.resolve(io.cwd, dir);
  requireOutputFolder(root, `templates export ${dir}`, io.cwd);
  const file = (relative: string, content: string) => {
    const absolute = path.join(root, relative);
    return { path: absolute, displayPath: displayPath(absolute, io.cwd), content };
  };
  const files = [
    file(LAYOUT_FILE, shipped.layout.text),
    file(COMUNE_LAYOUT_FILE, shipped.comuneLayout.text),
    file(CSS_FILE, shipped.css.text),
    ...shipped.partials.map((partial) => file(path.join(PARTIALS_FOLDER, `${partial.name}.hbs`), partial.text)),
  ];
  await writeAndListFiles(files, options, io);
  return 0;
}
