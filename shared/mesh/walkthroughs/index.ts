import { dataAsAProduct } from './data-as-a-product';
import { domainOwnership } from './domain-ownership';
import { federatedGovernance } from './federated-governance';
import { honestAttribution } from './honest-attribution';
import type { Walkthrough } from './model';
import { selfServePlatform } from './self-serve-platform';
import { whatIsThisData } from './what-is-this-data';

export const WALKTHROUGHS: Walkthrough[] = [whatIsThisData, domainOwnership, dataAsAProduct, selfServePlatform, federatedGovernance, honestAttribution];

export function walkthroughById(id: string): Walkthrough | undefined {
  return WALKTHROUGHS.find((w) => w.id === id);
}

export * from './model';
export * from './runner';
export { baseVars, fill } from './vars';
export { productFromContext } from './data-as-a-product';
export { governanceReport } from './federated-governance';
