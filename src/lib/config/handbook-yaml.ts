import path from 'node:path';
import { settingsSchema, type Settings } from '../../schemas/settings.ts';
import { parseLocatedYaml } from '../yaml/fields.ts';
import { issuesToProblems, yamlProblems } from '../yaml/validate.ts';
import type { Problem } from '../util/problems.ts';
import { DATA_LIMITS, isPresent, readSource } from '../util/read-source.ts';

/** The settings file's name inside the content folder. */
export const SETTINGS_FILE = 'handbook.yaml';

/** Reads and validates the organisation settings; defaults apply when the file is absent. */
export function loadSettings(contentDir: string, displayRoot: string): { settings: Settings; problems: Problem[] } {
  const file = path.join(contentDir, SETTINGS_FILE);
  const display = path.relative(displayRoot, file).split(path.sep).join('/');
  if (!isPresent(file)) return { settings: settingsSchema.parse({}), problems: [] };
  const source = readSource(file, DATA_LIMITS);
  if ('problem' in source)
    return { settings: settingsSchema.parse({}), problems: [{ file: display, severity: 'error', ...source.problem }] };
  const yaml = parseLocatedYaml(source.text);
  if (yaml.errors.length) {
    return {
      settings: settingsSchema.parse({}),
      problems: yamlProblems(yaml, display),
    };
  }
  const result = settingsSchema.safeParse(yaml.value ?? {}, { reportInput: true });
  if (result.success) return { settings: result.data, problems: [] };
  return { settings: settingsSchema.parse({}), problems: issuesToProblems(result.error.issues, yaml, display) };
}
