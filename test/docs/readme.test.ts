// The README is what a user of a clone reads: what it points at must be in the clone.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/cli-process';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('points at nothing outside the repository', () => {
    expect(readme).not.toMatch(/\.\.\/shared|\.\.\/[\w-]+\//);
  });

  it('names the committed schema as the API reference', () => {
    expect(readme).toMatch(/API reference is the\s+committed schema `schema\/schema\.graphql`/);
    expect(fs.existsSync(path.join(ROOT, 'schema', 'schema.graphql'))).toBe(true);
  });
});
