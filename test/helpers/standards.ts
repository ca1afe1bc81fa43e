/**
 * The ODCS v3.1.0 JSON Schema and the csv-spectrum suite. A copy lives in the repository
 * (test/fixtures/standards, taken from ../shared/standards) so a clean checkout anywhere can run the tests;
 * test/unit/standards-copy.test.ts fails when the copy drifts from ../shared/standards.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const STANDARDS_DIR = path.join(REPO_ROOT, 'test/fixtures/standards');
export const ODCS_DIR = path.join(STANDARDS_DIR, 'odcs');
export const ODCS_SCHEMA = path.join(ODCS_DIR, 'odcs-json-schema-v3.1.0.json');
export const CSV_SPECTRUM_DIR = path.join(STANDARDS_DIR, 'csv-spectrum');
