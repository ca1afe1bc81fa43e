/**
 * Upgrades of older workspace documents, one step per version. Each step takes the raw JSON of version n
 * and returns version n + 1; parse.ts runs them in order and validates only the result.
 */
type RawDocument = Record<string, unknown> & { version: number };
type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * v1 → v2: the data product and walkthrough progress move onto the dataset they belong to.
 * - A v1 product card (`products[]`, linked by `datasetIds`) becomes `datasets[].product` with the card's
 *   name, and its owner and domain by name (v1 kept them as ids into `owners[]` / `domains[]`).
 * - v1 walkthrough progress (`walkthroughs`, by walkthrough id, no answers and no dataset) is kept on every
 *   dataset with empty answers, so each resumes at the step it reached.
 * Nothing else changes; fields v1 did not have stay unset rather than being given defaults.
 */
function v1ToV2(doc: RawDocument): RawDocument {
  const { products, walkthroughs, ...rest } = doc;
  const owners = list(rest.owners);
  const domains = list(rest.domains);
  const cards = list(products);
  const progress = isObject(walkthroughs) ? walkthroughs : {};
  const datasets = list(rest.datasets).map((d) => {
    const card = cards.find((c) => Array.isArray(c.datasetIds) && c.datasetIds.includes(d.id));
    const product: Raw = {};
    if (card) {
      if (str(card.name)) product.name = card.name;
      const owner = owners.find((o) => o.id === card.ownerId);
      if (owner && str(owner.name)) product.owner = owner.name;
      const domain = domains.find((x) => x.id === card.domainId);
      if (domain && str(domain.name)) product.domain = domain.name;
    }
    const wt: Raw = {};
    for (const [id, p] of Object.entries(progress)) {
      if (isObject(p)) wt[id] = { step: p.step, completed: p.completed, updatedAt: p.updatedAt, answers: {} };
    }
    return { ...d, ...(Object.keys(product).length ? { product } : {}), walkthroughs: wt };
  });
  return { ...rest, datasets, version: 2 };
}

/** Migrations from version n to n + 1, at index n - 1. */
export const MIGRATIONS: ((doc: RawDocument) => RawDocument)[] = [v1ToV2];
