import type { ChalkInstance } from 'chalk';
import type { SuggestionExplanation } from '../../compute/dup-suggestions.js';
import type { DupObjectiveWhy } from '../../compute/dup-why.js';
import { localeFormat } from '../format.js';
import { fillLabel, LABELS, type ReportLanguage } from '../labels.js';
import { terminalText } from './terminal-text.js';

/** psttm why dup:<istat>/<code>: the DUP objective, its links, and how each suggestion scores, in the chosen language. */
export function whyDupObjective(why: DupObjectiveWhy, objectiveTitle: (id: string) => string | undefined, language: ReportLanguage, chalk: ChalkInstance): string {
  const labels = LABELS[language].whyDup;
  const format = localeFormat(LABELS[language].locale);
  const explain = (explanation: SuggestionExplanation): string[] => {
    const matched = explanation.stems.filter((stem) => stem.match > 0);
    const missed = explanation.stems.filter((stem) => stem.match === 0);
    const stems = [...matched.map((stem) => `${stem.stem} ${format.number(stem.weight)}×${format.number(stem.match)}`), ...missed.map((stem) => chalk.dim(`${stem.stem} ${format.number(stem.weight)}×0`))];
    return [
      `      ${labels.stems}: ${stems.length > 0 ? terminalText(stems.join(', ')) : labels.noStems}`,
      `      ${crosswalkLine(explanation)}`,
      `      ${fillLabel(labels.score, { text: format.number(explanation.text), factor: format.number(explanation.factor), score: chalk.bold(format.number(explanation.score)) })}`,
    ];
  };
  const crosswalkLine = (explanation: SuggestionExplanation): string => {
    if (!explanation.crosswalk) return labels.noCrosswalk;
    const row = fillLabel(labels.crosswalk, { missione: explanation.crosswalk.missione, missions: explanation.crosswalk.psttmMissions.join(' ') || labels.crosswalkEmpty, reason: terminalText(explanation.crosswalk.reason) });
    const effect = !explanation.crosswalkApplies ? labels.crosswalkIdle : explanation.inCrosswalk ? labels.inCrosswalk : fillLabel(labels.outsideCrosswalk, { factor: format.number(explanation.factor) });
    return `${row}\n      ${effect}`;
  };
  const heading = (id: string) => `${id}: ${terminalText(objectiveTitle(id) ?? labels.notInPlan)}`;

  const lines = [
    chalk.bold(`${why.id}: ${terminalText(why.title)}`),
    `${labels.comune} ${terminalText(why.comune.name)} (${why.comune.istat}), ${terminalText(why.file)}`,
    `${labels.level} ${labels.levels[why.level]}; ${labels.missione} ${why.missione === null ? '–' : `${why.missione}${why.missioneName ? ` ${terminalText(why.missioneName)}` : ''}`}; ${labels.programma} ${why.programma ?? '–'}`,
    '',
    `${labels.links}:${why.links.length === 0 ? ` ${labels.none}` : ''}`,
  ];
  for (const link of why.links) {
    const status = link.confirmed ? labels.confirmed : labels.suggested;
    const stored = link.storedScore === null ? '' : `, ${fillLabel(labels.storedScore, { score: format.number(link.storedScore) })}`;
    lines.push(`  ${heading(link.objective)} (${status}${stored})`, ...(link.explanation ? explain(link.explanation) : []));
  }
  if (why.rejected.length > 0) lines.push(`${labels.rejected}: ${terminalText(why.rejected.join(', '))}`);
  lines.push('', `${labels.suggestionsNow}:${why.suggestions.length === 0 ? ` ${labels.noSuggestions}` : ''}`);
  for (const suggestion of why.suggestions) lines.push(`  ${heading(suggestion.objective)}`, ...explain(suggestion));
  lines.push('', chalk.dim(labels.formula));
  return lines.join('\n') + '\n';
}
