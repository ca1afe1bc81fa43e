/** The ODCS v3.1.0 JSON schema compiled once with ajv, as every contract test validates against it. */
import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { ODCS_SCHEMA } from './standards';

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
export const validateOdcs = ajv.compile(JSON.parse(readFileSync(ODCS_SCHEMA, 'utf8')));
