import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, STANDARDS_DIR } from '../helpers/standards';

const SHARED = path.resolve(REPO_ROOT, '../shared/standards');

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p, base) : [path.relative(base, p)];
  });
}

describe('the standards copied into the repository', () => {
  it('hold the ODCS schema and every csv-spectrum file with its JSON twin', () => {
    const list = files(STANDARDS_DIR);
    expect(list).toContain(path.join('odcs', 'odcs-json-schema-v3.1.0.json'));
    const csvs = list.filter((f) => f.startsWith(path.join('csv-spectrum', 'csvs')));
    expect(csvs.length).toBeGreaterThanOrEqual(11);
    for (const c of csvs) expect(list).toContain(c.replace('csvs', 'json').replace(/\.csv$/, '.json'));
  });

  it.runIf(existsSync(SHARED))('match ../shared/standards byte for byte', () => {
    for (const f of files(SHARED)) {
      expect(readFileSync(path.join(STANDARDS_DIR, f)).equals(readFileSync(path.join(SHARED, f))), f).toBe(true);
    }
  });
});
