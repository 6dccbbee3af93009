#!/usr/bin/env node
/**
 * npm test: every check the project has, in order, then one plain summary line that CI reads:
 * `N passed, N failed`. Gates (format, lint, types, bank check, build) count as one test each;
 * unit and end-to-end tests count individually from their JSON reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
	console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return r.status === 0;
}

function gate(label, cmd, args) {
	if (run(label, cmd, args)) passed++;
	else {
		failed++;
		failures.push(label);
	}
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

gate('format and lint', 'npx', ['--no', 'npm', 'run', '-s', 'lint']);
gate('types', 'npx', ['--no', 'npm', 'run', '-s', 'check']);
gate('bank check (questions and drafts)', 'npx', [
	'--no',
	'tsx',
	'scripts/bank-check.ts',
	'questions',
	'drafts/questions'
]);

const unitOk = run('unit tests', 'npx', [
	'--no',
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	'--outputFile=test-results/unit.json'
]);
const unit = readJson('test-results/unit.json');
if (unit) {
	passed += unit.numPassedTests;
	failed += unit.numFailedTests;
	if (unit.numFailedTests) failures.push(`${unit.numFailedTests} unit test(s)`);
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) {
	failed++;
	failures.push('unit test run');
}

const built = run('build', 'npx', ['--no', 'npm', 'run', '-s', 'build']);
if (built) passed++;
else {
	failed++;
	failures.push('build');
}

if (!existsSync(chromium)) {
	console.error(
		`\nChromium is not installed at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`
	);
	failed++;
	failures.push('e2e (no Chromium)');
} else if (built) {
	const e2eOk = run('end-to-end tests', 'npx', ['--no', 'playwright', 'test']);
	const e2e = readJson('test-results/e2e.json');
	if (e2e?.stats) {
		passed += e2e.stats.expected + e2e.stats.flaky;
		failed += e2e.stats.unexpected;
		if (e2e.stats.unexpected) failures.push(`${e2e.stats.unexpected} e2e test(s)`);
	}
	if (!e2eOk && (!e2e?.stats || e2e.stats.unexpected === 0)) {
		failed++;
		failures.push('e2e run');
	}
}

console.log('');
if (failures.length) console.log(`failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
