import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_IDS } from '../../../shared/templates/templateIds';
import { parseTemplate } from '../../../shared/templates/templateSchema';

describe('template ids the code names', () => {
  it.each(Object.entries(TEMPLATE_IDS))('%s (%s) is a template Tandem ships, under that id', (_name, id) => {
    const file = join(process.cwd(), 'templates', `${id}.json`);
    expect(existsSync(file)).toBe(true);
    expect(parseTemplate(JSON.parse(readFileSync(file, 'utf8')), `${id}.json`).id).toBe(id);
  });
});
