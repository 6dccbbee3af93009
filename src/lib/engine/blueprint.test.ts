import { describe, expect, it } from 'vitest';
import { readBankDir } from '../../../scripts/bank-files';
import { compileBank } from '../bank/compile';
import { domainQuotas, midpointWeight, weightsCanSumTo100 } from './blueprint';

const exams = compileBank(readBankDir('questions').filter((f) => f.path.endsWith('exam.yaml'))).bank
	.exams;

describe('domainQuotas', () => {
	it.each([
		// weights, length, expected counts (largest remainder, ties to the heavier then earlier domain)
		[[28, 26, 22, 24], 65, [18, 17, 14, 16]],
		[[50, 50], 5, [3, 2]],
		[[25, 25, 25, 25], 2, [1, 1, 0, 0]],
		[[13, 16, 21, 20, 18, 13], 60, [8, 9, 12, 12, 11, 8]],
		[[1, 1, 98], 3, [0, 0, 3]]
	])('splits %j over %i questions as %j', (weights, length, expected) => {
		const exam = { domains: weights.map((w, i) => ({ id: `d${i}`, weightMin: w, weightMax: w })) };
		expect(domainQuotas(exam as never, length).map((q) => q.count)).toEqual(expected);
	});

	it('uses the midpoint of a published range', () => {
		expect(midpointWeight({ weightMin: 25, weightMax: 30 })).toBe(27.5);
	});

	it('has all 13 exams of the catalog to check', () => {
		expect(exams.map((e) => e.shortName).sort()).toEqual(
			[
				'ACE',
				'AI-102',
				'AI-103',
				'AIF-C01',
				'AIP-C01',
				'AZ-104',
				'AZ-305',
				'MLA-C01',
				'MLS-C01',
				'PCA',
				'PMLE',
				'SAA-C03',
				'SAP-C02'
			].sort()
		);
	});

	it.each(exams.map((e) => [e.shortName, e] as const))(
		'%s: a full mock adds up to the exam length, no domain empty',
		(_name, exam) => {
			const quotas = domainQuotas(exam, exam.questionCount.mock);
			expect(quotas.reduce((s, q) => s + q.count, 0)).toBe(exam.questionCount.mock);
			expect(quotas.every((q) => q.count > 0)).toBe(true);
			expect(weightsCanSumTo100(exam)).toBe(true);
		}
	);

	it('matches the published counts for SAA-C03 (30/26/24/20 of 65)', () => {
		const saa = exams.find((e) => e.id === 'aws-saa-c03')!;
		expect(domainQuotas(saa, 65).map((q) => q.count)).toEqual([19, 17, 16, 13]);
	});
});
