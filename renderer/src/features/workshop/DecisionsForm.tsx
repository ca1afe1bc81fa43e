import { DEFAULT_POLICIES } from '../../../../shared/mesh/policies';
import type { ProductDecisions } from '../../../../shared/mesh/product-state';
import { DOMAIN_LABELS } from '../../../../shared/mesh/roles';
import { DOMAINS } from '../../../../shared/mesh/ownership';
import type { WorkshopDecisions, WorkshopProduct } from '../../../../shared/mesh/workshop';

export interface ProductRow extends WorkshopProduct {
  datasetId: string;
}

/**
 * What the group decided. Products and owners are each dataset's own data product (the same object the
 * walkthroughs and the Data product screen edit); policies adopted and notes belong to the session.
 */
export function DecisionsForm({
  value: d,
  onChange,
  products,
  onProduct,
}: {
  value: WorkshopDecisions;
  onChange: (d: WorkshopDecisions) => void;
  products: ProductRow[];
  onProduct: (datasetId: string, patch: ProductDecisions) => void;
}) {
  return (
    <div className="workshop-decisions" data-testid="workshop-decisions">
      <h2>Data products and owners</h2>
      {products.length === 0 && <p className="muted">Load the demo data (or open files) to name products and owners.</p>}
      {products.map((p) => (
        <div key={p.datasetId} className="workshop-row" data-testid="decision-product" data-dataset={p.dataset}>
          <strong className="workshop-dataset">{p.dataset}</strong>
          <input aria-label={`Product name for ${p.dataset}`} placeholder="Product name" value={p.name} onChange={(e) => onProduct(p.datasetId, { name: e.target.value })} />
          <select aria-label={`Domain of ${p.dataset}`} value={p.domain} onChange={(e) => onProduct(p.datasetId, { domain: e.target.value })}>
            <option value="" disabled>
              Domain…
            </option>
            {!(DOMAINS as string[]).includes(p.domain) && p.domain && <option value={p.domain}>{p.domain}</option>}
            {DOMAINS.map((x) => (
              <option key={x} value={x}>
                {DOMAIN_LABELS[x]}
              </option>
            ))}
          </select>
          <input aria-label={`Owner of ${p.dataset}`} placeholder="Owner (missing)" value={p.owner} onChange={(e) => onProduct(p.datasetId, { owner: e.target.value })} />
          <input
            aria-label={`Consumers of ${p.dataset}`}
            placeholder="Consumers, comma-separated"
            value={p.consumers.join(', ')}
            onChange={(e) => onProduct(p.datasetId, { consumers: e.target.value.split(',').map((s) => s.trim()).filter(Boolean) })}
          />
        </div>
      ))}
      <h2>Policies</h2>
      {d.policies.map((p, i) => {
        const policy = DEFAULT_POLICIES.find((x) => x.id === p.policyId);
        return (
          <div key={p.policyId} className="workshop-row" data-testid="decision-policy">
            <label>
              <input
                type="checkbox"
                checked={p.adopted}
                data-testid={`decision-policy-${p.policyId}`}
                onChange={(e) => onChange({ ...d, policies: d.policies.map((x, j) => (j === i ? { ...x, adopted: e.target.checked } : x)) })}
              />{' '}
              {policy?.title ?? p.policyId}
            </label>
            <input aria-label={`Note on ${policy?.title ?? p.policyId}`} placeholder="Note" value={p.note} onChange={(e) => onChange({ ...d, policies: d.policies.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)) })} />
          </div>
        );
      })}
      <h2>Notes</h2>
      <textarea rows={3} aria-label="Notes" value={d.notes} onChange={(e) => onChange({ ...d, notes: e.target.value })} />
    </div>
  );
}
