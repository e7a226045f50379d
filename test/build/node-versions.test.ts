// The supported Node.js lines: what package.json promises, what CI runs on, what the README says.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/cli-process';

// semver comes with fastify (a dependency of the hub), which checks versions with it too.
/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const semver = require('semver') as { satisfies(version: string, range: string): boolean };

const engines = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    engines: { node: string };
  }
).engines.node;

describe('supported Node.js versions', () => {
  it('are 20.19+, 22 LTS and 24 in package.json engines, and no odd or unreleased line', () => {
    for (const v of ['20.19.0', '20.20.2', '22.15.0', '22.23.5', '24.11.0', '24.22.3']) {
      expect({ v, ok: semver.satisfies(v, engines) }).toEqual({ v, ok: true });
    }
    for (const v of ['18.20.0', '20.18.3', '21.7.0', '22.12.0', '23.11.0', '24.10.0', '25.0.0']) {
      expect({ v, ok: semver.satisfies(v, engines) }).toEqual({ v, ok: false });
    }
  });

  it('include the Node this suite runs on (CI runs it on 20, 22 and 24)', () => {
    expect({ node: process.version, ok: semver.satisfies(process.version, engines) }).toEqual({
      node: process.version,
      ok: true,
    });
  });

  it('are named in the README, with 22 LTS recommended for production', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(engines);
    expect(readme).toMatch(/22 LTS\*\* \(22\.15 or newer\), which is the one to use in production/);
  });
});
