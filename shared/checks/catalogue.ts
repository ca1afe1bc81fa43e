/**
 * The catalogue: the one list of checks that the UI, the CLI, the report, the contract export and the docs read.
 * Families live one per file; the order here is the order checks run and are documented.
 */
import { constantColumn, highNullColumn, missingValues, placeholderValues } from './completeness';
import { dateGaps, dateOutOfRange, futureDates, staleData } from './dates';
import { invalidFormat, mixedCurrency, piiDetected } from './formats';
import { inconsistentLabels, utmConvention } from './labels';
import { derivedMetricMismatch, funnelInversion, negativeMetric } from './metrics';
import { metricOutliers } from './outliers';
import { personalData } from './personal-data';
import { totalsMismatch } from './totals';
import { urlVariants } from './urls';
import type { CheckDefinition } from './types';
import { duplicateKeys, duplicateRows } from './uniqueness';

export const CATALOGUE: CheckDefinition[] = [
  missingValues,
  highNullColumn,
  constantColumn,
  placeholderValues,
  duplicateRows,
  duplicateKeys,
  negativeMetric,
  funnelInversion,
  derivedMetricMismatch,
  totalsMismatch,
  futureDates,
  dateOutOfRange,
  dateGaps,
  staleData,
  inconsistentLabels,
  utmConvention,
  urlVariants,
  mixedCurrency,
  invalidFormat,
  piiDetected,
  personalData,
  metricOutliers,
];

export function checkById(id: string): CheckDefinition | undefined {
  return CATALOGUE.find((c) => c.id === id);
}
