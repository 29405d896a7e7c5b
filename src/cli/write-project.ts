import type { YamlFile } from '../load/yaml-file.js';
import type { PlanCheck } from '../validate/check-plan.js';
import { countFindings } from '../validate/finding.js';
import { chalkFor } from './color.js';
import { RunError } from './errors.js';
import type { Io } from './io.js';

export interface ProjectTarget {
  absPath: string;
  displayPath: string;
}

export interface WriteProjectOptions {
  force: boolean;
  /** Throws when the file as it would be is not what the command meant to write (a guard against psttm bugs). */
  verify?: (edited: YamlFile) => void;
}

/**
 * Write a new or edited project file only if the plan stays free of new errors: whatever the edit
 * would add to the file's findings is shown on stderr, and any error means nothing is written.
 */
export async function writeProjectFile(check: PlanCheck, target: ProjectTarget, text: string, io: Io, options: WriteProjectOptions): Promise<void> {
  const [{ checkProjectEdit }, { SchemaValidator }, { findingLine }, { writeOutputs }] = await Promise.all([
    import('../edit/check-edit.js'),
    import('../validate/schema-validator.js'),
    import('../render/findings/finding-line.js'),
    import('../io/write-outputs.js'),
  ]);
  const { edited, introduced } = checkProjectEdit(check, target.absPath, target.displayPath, text, new SchemaValidator(), io.now());
  options.verify?.(edited);
  const chalk = chalkFor(io.stderr, io.env);
  for (const finding of introduced) io.stderr.write(findingLine(finding, chalk) + '\n');
  const { errors } = countFindings(introduced);
  if (errors > 0) throw new RunError(`nothing written: the change would give ${target.displayPath} ${errors} error${errors === 1 ? '' : 's'} (above)`, 1);
  await writeOutputs([{ path: target.absPath, displayPath: target.displayPath, content: text }], { force: options.force });
}
