import { stringify } from 'yaml';
import type { ProjectData } from '../model/plan-data.js';

/**
 * The text of a new project file: the language-server comment naming its schema (so editors
 * complete and check it), then the data in the schema's order.
 */
export function newProjectText(project: ProjectData, schemaPath: string): string {
  const ordered = {
    id: project.id,
    title: project.title,
    ...(project.summary === undefined ? {} : { summary: project.summary }),
    status: project.status,
    ...(project.lead === undefined ? {} : { lead: project.lead }),
    territory: project.territory,
    ...(project.cup === undefined ? {} : { cup: project.cup }),
    ...(project.period === undefined ? {} : { period: project.period }),
    objectives: project.objectives,
    sources: project.sources,
    updated: project.updated,
  };
  return `# yaml-language-server: $schema=${schemaPath}\n${stringify(ordered, { lineWidth: 100 })}`;
}
