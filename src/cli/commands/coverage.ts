import { Option } from 'commander';
import { percent } from '../../render/terminal/figures.js';
import { chalkFor } from '../color.js';
import type { RegisterCommand } from '../command.js';
import { addAsOfOption, asOfDate, type AsOfOption } from '../as-of.js';
import type { Io } from '../io.js';
import { parsePercent } from '../parse-options.js';
import { addPlanOption, loadPlanModel, type PlanOption } from '../plan-input.js';

interface CoverageOptions extends PlanOption, AsOfOption {
  by: 'mission' | 'actor' | 'zone';
  json?: boolean;
  failUnder?: number;
}

export const registerCoverage: RegisterCommand = (program, { io, exit }) => {
  addAsOfOption(addPlanOption(program.command('coverage')))
    .description('which objectives and actor cells have projects, by mission, actor column or zona omogenea')
    .addOption(new Option('--by <view>', 'the table to show').choices(['mission', 'actor', 'zone']).default('mission'))
    .option('--json', 'print JSON (see the README for its shape)')
    .option('--fail-under <pct>', 'exit 1 when the share of objectives with a project is below this percentage (for CI)', parsePercent)
    .action(async (options: CoverageOptions) => exit(await runCoverage(options, io)));
};

async function runCoverage(options: CoverageOptions, io: Io): Promise<number> {
  const model = await loadPlanModel(options, io);
  const asOf = asOfDate(options, io);
  const [{ computeCoverage }, { countedInitiatives }, { computePriorities }] = await Promise.all([
    import('../../compute/coverage.js'),
    import('../../compute/initiatives.js'),
    import('../../compute/priorities.js'),
  ]);
  const report = computeCoverage(model, countedInitiatives(model, asOf), computePriorities(model, asOf), asOf);
  if (options.json) {
    const [{ coverageJson }, { toJsonText }] = await Promise.all([import('../../render/json/monitoring-json.js'), import('../../render/json/plan-json.js')]);
    io.stdout.write(toJsonText(coverageJson(report)));
  } else {
    const [{ coverageText }, { terminalWidth }] = await Promise.all([import('../../render/terminal/coverage-tables.js'), import('../../render/terminal/table.js')]);
    io.stdout.write(coverageText(model, report, options.by, terminalWidth(io.stdout.columns), chalkFor(io.stdout, io.env)));
  }
  const share = report.plan.share ?? 0;
  if (options.failUnder !== undefined && share * 100 < options.failUnder) {
    io.stderr.write(`psttm: objective coverage ${percent(share)} is below --fail-under ${options.failUnder}%\n`);
    return 1;
  }
  return 0;
}
