// The CI workflows are validated here, offline, with GitHub's own workflow parser (@actions/workflow-parser: the
// schema and expression checks the Actions service runs), so a typo fails this suite, not the release day.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NoOperationTraceWriter, convertWorkflowTemplate, isBasicExpression, isLiteral, isMapping, isSequence, parseWorkflow } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { describe, expect, it } from 'vitest';
import { REPO } from './packStage.js';

const read = (name: string): string => readFileSync(path.join(REPO, '.github/workflows', name), 'utf8');

async function problems(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !parsed.value) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e) => e.Message);
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  steps: Step[];
}

/** The parser's tokens as plain data; an expression as its source text (`${{ secrets.X }}`). */
function plain(token: TemplateToken): unknown {
  if (isMapping(token)) return Object.fromEntries([...token].map(({ key, value }) => [String(plain(key)), plain(value)]));
  if (isSequence(token)) return [...token].map(plain);
  if (isBasicExpression(token)) return token.source ?? `\${{ ${token.expression} }}`;
  if (isLiteral(token)) return token.toJSON();
  return undefined;
}

/** The jobs as the parser read them, for the checks below. */
async function jobs(name: string): Promise<Record<string, Job>> {
  const parsed = parseWorkflow({ name, content: read(name) }, new NoOperationTraceWriter());
  if (!parsed.value) throw new Error(`${name}: not parsed`);
  return (plain(parsed.value) as { jobs: Record<string, Job> }).jobs;
}

/** macOS and Windows run the portable suite, then install the Electron binary and run the `_electron` specs, before packing. */
function expectSuiteOnEveryOs(all: Record<string, Job>): void {
  for (const job of Object.values(all).filter((j) => !j['runs-on'].startsWith('ubuntu'))) {
    const runs = job.steps.map((s) => s.run ?? '');
    const at = (command: string): number => runs.findIndex((r) => r.trim() === command);
    const pack = runs.findIndex((r) => /npm run (release|dist)/.test(r));
    expect(at('npm run test:portable'), `${job['runs-on']}: npm run test:portable`).toBeGreaterThan(-1);
    expect(at('node node_modules/electron/install.js')).toBeGreaterThan(at('npm run test:portable'));
    expect(at('npm run test:e2e')).toBeGreaterThan(at('node node_modules/electron/install.js'));
    expect(pack).toBeGreaterThan(at('npm run test:e2e'));
  }
}

describe('GitHub workflows', () => {
  for (const name of ['release.yml', 'pull-request.yml']) {
    it(`${name} is a valid workflow (schema and expressions)`, async () => {
      expect(await problems(name, read(name))).toEqual([]);
    });
  }

  it('the validator catches the typos that would otherwise surface on release day', async () => {
    const release = read('release.yml');
    expect((await problems('typo.yml', release.replace('runs-on: macos-14', 'runs_on: macos-14'))).join('\n')).toContain("Unexpected value 'runs_on'");
    expect((await problems('typo.yml', release.replace('${{ secrets.APPLE_API_KEY_ID }}', '${{ secrets.APPLE_API_KEY_ID }')))).not.toEqual([]);
    expect((await problems('typo.yml', release.replace('  workflow_dispatch:', '  workflow_dispach:')))).not.toEqual([]);
  });

  it('release: a macOS, a Windows and a Linux job; Linux runs verify, then the _electron specs under xvfb-run; each packs with npm run release and uploads installers and latest*.yml', async () => {
    const all = await jobs('release.yml');
    expect(Object.values(all).map((j) => j['runs-on'].split('-')[0]).sort()).toEqual(['macos', 'ubuntu', 'windows']);
    for (const job of Object.values(all)) {
      const runs = job.steps.map((s) => s.run ?? '');
      expect(runs.some((r) => r.includes('npm ci'))).toBe(true);
      expect(runs).toContain('npm run release');
      const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(upload?.with?.path).toMatch(/latest[^\n]*\.yml/);
    }
    const linux = Object.values(all).find((j) => j['runs-on'].startsWith('ubuntu'));
    const linuxRuns = linux?.steps.map((s) => s.run ?? '') ?? [];
    expect(linuxRuns.indexOf('npm run verify')).toBeGreaterThan(-1);
    expect(linuxRuns.indexOf('xvfb-run -a npm run test:e2e')).toBeGreaterThan(linuxRuns.indexOf('npm run verify'));
    expectSuiteOnEveryOs(all);
  });

  it('release: the signing variables the README names come from the secret store, never from the file', async () => {
    const all = await jobs('release.yml');
    const env = Object.assign({}, ...Object.values(all).flatMap((j) => j.steps.map((s) => s.env ?? {}))) as Record<string, string>;
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET']) {
      expect(env[name], name).toMatch(/^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
    }
    expect(read('release.yml')).not.toMatch(/BEGIN (RSA |EC )?PRIVATE KEY/);
  });

  it('pull requests: the same jobs without signing (npm run dist, no secrets)', async () => {
    const all = await jobs('pull-request.yml');
    expect(Object.values(all).map((j) => j['runs-on'].split('-')[0]).sort()).toEqual(['macos', 'ubuntu', 'windows']);
    for (const job of Object.values(all)) expect(job.steps.map((s) => s.run ?? '')).toContain('npm run dist');
    expect(read('pull-request.yml')).not.toContain('secrets.');
    const linuxRuns = Object.values(all).find((j) => j['runs-on'].startsWith('ubuntu'))?.steps.map((s) => s.run ?? '') ?? [];
    expect(linuxRuns).toContain('npm run verify');
    expect(linuxRuns).toContain('xvfb-run -a npm run test:e2e');
    expectSuiteOnEveryOs(all);
  });
});
