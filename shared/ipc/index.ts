export * from './channels';
export * from './result';
export * from './schemas';
export type { MeshLensApi, MenuCommandName } from './api';
