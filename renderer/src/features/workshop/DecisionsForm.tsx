import { DEMO_FILES } from '../../../../shared/mesh/demo';
import { DEFAULT_POLICIES } from '../../../../shared/mesh/policies';
import { DOMAIN_LABELS } from '../../../../shared/mesh/roles';
import { DOMAINS } from '../../../../shared/mesh/ownership';
import type { WorkshopDecisions } from '../../../../shared/mesh/workshop';
import type { DomainId } from '../../../../shared/mesh/types';

/** What the group decided: owners per dataset, data products, adopted policies, notes. */
export function DecisionsForm({ value: d, onChange }: { value: WorkshopDecisions; onChange: (d: WorkshopDecisions) => void }) {
  const firstFree = DEMO_FILES.find((f) => !d.owners.some((o) => o.dataset === f.file)) ?? DEMO_FILES[0]!;
  return (
    <div className="workshop-decisions" data-testid="workshop-decisions">
      <h2>Owners</h2>
      {d.owners.map((o, i) => (
        <div key={i} className="workshop-row" data-testid="decision-owner">
          <select aria-label="Dataset" value={o.dataset} onChange={(e) => onChange({ ...d, owners: d.owners.map((x, j) => (j === i ? { ...x, dataset: e.target.value } : x)) })}>
            {DEMO_FILES.map((f) => (
              <option key={f.file} value={f.file}>
                {f.title}
              </option>
            ))}
          </select>
          <select aria-label="Domain" value={o.domain} onChange={(e) => onChange({ ...d, owners: d.owners.map((x, j) => (j === i ? { ...x, domain: e.target.value as DomainId } : x)) })}>
            {DOMAINS.map((x) => (
              <option key={x} value={x}>
                {DOMAIN_LABELS[x]}
              </option>
            ))}
          </select>
          <input aria-label="Owner" placeholder="Owner" value={o.owner} onChange={(e) => onChange({ ...d, owners: d.owners.map((x, j) => (j === i ? { ...x, owner: e.target.value } : x)) })} />
          <button type="button" className="btn small" onClick={() => onChange({ ...d, owners: d.owners.filter((_, j) => j !== i) })}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn small" data-testid="decision-add-owner" onClick={() => onChange({ ...d, owners: [...d.owners, { dataset: firstFree.file, domain: firstFree.domain, owner: '' }] })}>
        Add an owner
      </button>
      <h2>Data products</h2>
      {d.products.map((p, i) => (
        <div key={i} className="workshop-row" data-testid="decision-product">
          <input aria-label="Product name" placeholder="Product" value={p.name} onChange={(e) => onChange({ ...d, products: d.products.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
          <input aria-label="Product owner" placeholder="Owner" value={p.owner} onChange={(e) => onChange({ ...d, products: d.products.map((x, j) => (j === i ? { ...x, owner: e.target.value } : x)) })} />
          <input aria-label="Promise" placeholder="Main promise (SLO)" value={p.promise} onChange={(e) => onChange({ ...d, products: d.products.map((x, j) => (j === i ? { ...x, promise: e.target.value } : x)) })} />
          <button type="button" className="btn small" onClick={() => onChange({ ...d, products: d.products.filter((_, j) => j !== i) })}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn small" data-testid="decision-add-product" onClick={() => onChange({ ...d, products: [...d.products, { name: '', owner: '', promise: '' }] })}>
        Add a product
      </button>
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
