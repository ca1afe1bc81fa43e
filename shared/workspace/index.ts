export * from './schema';
export * from './parse';
export * from './datasets';
export { encodeBase64, decodeBase64 } from './base64';
