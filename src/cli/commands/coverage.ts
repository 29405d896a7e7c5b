import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { PlanModel } from '../../model/plan-model.js';
import type { CoverageView } from '../../render/terminal/coverage-tables.js';
import { percent } from '../../render/terminal/figures.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import { addAsOfOption, asOfDate, type AsOfOption } from '../as-of.js';
import type { Io } from '../io.js';
import { parsePercent, parseText } from '../parse-options.js';
import { requireComune } from '../plan-lookup.js';
import { addPlanOption, loadPlanModel, type PlanOption } from '../plan-input.js';

interface CoverageOptions extends PlanOption, AsOfOption {
  by: 'mission' | 'actor' | 'zone' | 'comune';
  comune?: string;
  json?: boolean;
  failUnder?: number;
}

export const registerCoverage: RegisterCommand = (program, { io, exit }) => {
  addAsOfOption(addPlanOption(program.command('coverage')))
    .description("which objectives and actor cells have projects, by mission, actor column or zona omogenea; or how the comuni's DUPs align with the plan")
    .addOption(new Option('--by <view>', 'the table to show').choices(['mission', 'actor', 'zone', 'comune']).default('mission'))
    .option('--comune <istat-or-name>', 'with --by comune: show only this comune', parseText)
    .option('--json', 'print JSON (see the README for its shape)')
    .option('--fail-under <pct>', 'exit 1 when the share of objectives with a project is below this percentage (for CI)', parsePercent)
    .action(async (options: CoverageOptions) => exit(await runCoverage(options, io)));
};

async function runCoverage(options: CoverageOptions, io: Io): Promise<number> {
  const model = await loadPlanModel(options, io);
  const asOf = asOfDate(options, io);
  if (options.comune !== undefined && options.by !== 'comune') throw new UsageError('--comune goes with --by comune');
  const [{ computeCoverage }, { countedInitiatives }, { computePriorities }] = await Promise.all([
    import('../../compute/coverage.js'),
    import('../../compute/initiatives.js'),
    import('../../compute/priorities.js'),
  ]);
  const report = computeCoverage(model, countedInitiatives(model, asOf), computePriorities(model, asOf), asOf);
  if (options.by === 'comune') await writeDupCoverage(model, asOf, options, io);
  else if (options.json) {
    const [{ coverageJson }, { toJsonText }] = await Promise.all([import('../../render/json/monitoring-json.js'), import('../../render/json/plan-json.js')]);
    io.stdout.write(toJsonText(coverageJson(report)));
  } else {
    const [{ coverageText }, { terminalWidth }] = await Promise.all([import('../../render/terminal/coverage-tables.js'), import('../../render/terminal/table.js')]);
    io.stdout.write(coverageText(model, report, options.by as CoverageView, terminalWidth(io.stdout, io.env), chalkFor(io.stdout, io.env)));
  }
  const share = report.plan.share ?? 0;
  if (options.failUnder !== undefined && share * 100 < options.failUnder) {
    io.stderr.write(`psttm: objective coverage ${percent(share)} is below --fail-under ${options.failUnder}%\n`);
    return 1;
  }
  return 0;
}

/** coverage --by comune: the DUP alignment per comune (or the one of --comune), objective and zone. */
async function writeDupCoverage(model: PlanModel, asOf: string, options: CoverageOptions, io: Io): Promise<void> {
  const { computeDupAlignment } = await import('../../compute/dup-alignment.js');
  const alignment = computeDupAlignment(model);
  const istat = options.comune === undefined ? undefined : requireComune(model, options.comune, '--comune ').istat;
  const comuni = alignment.comuni.filter((comune) => istat === undefined || comune.istat === istat);
  if (options.json) {
    const [{ dupAlignmentJson }, { toJsonText }] = await Promise.all([import('../../render/json/dup-alignment-json.js'), import('../../render/json/plan-json.js')]);
    io.stdout.write(toJsonText(dupAlignmentJson(alignment, comuni, asOf)));
  } else {
    const [{ dupCoverageText }, { terminalWidth }] = await Promise.all([import('../../render/terminal/dup-coverage-tables.js'), import('../../render/terminal/table.js')]);
    io.stdout.write(dupCoverageText(model, alignment, comuni, terminalWidth(io.stdout, io.env), chalkFor(io.stdout, io.env)));
  }
}
