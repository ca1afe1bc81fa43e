import { useState } from 'react';
import type { CandidateRule } from '../../../../shared/mesh/candidate-rules';
import type { DataProduct, ProductColumn } from '../../../../shared/mesh/product';
import { DOMAIN_LABELS } from '../../../../shared/mesh/roles';
import { DOMAINS } from '../../../../shared/mesh/ownership';

const STATUSES: DataProduct['status'][] = ['draft', 'proposed', 'active', 'deprecated', 'retired'];

const parseList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A comma-separated list that keeps what is being typed ("CMO dashboard, ") while the list itself is saved. */
function ListInput({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value: string[];
  onChange: (v: string[]) => void;
  placeholder: string;
  testId: string;
}) {
  const [text, setText] = useState(value.join(', '));
  const shown = parseList(text).join('\n') === value.join('\n') ? text : value.join(', ');
  return (
    <input
      data-testid={testId}
      value={shown}
      placeholder={placeholder}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseList(e.target.value));
      }}
    />
  );
}

type Freshness = DataProduct['freshness'];

/**
 * The freshness promise: empty until the user accepts one (issue 12: nothing shows a default the user did not
 * accept). Today's file's suggestion is shown with its basis and accepted with one click.
 */
function FreshnessEditor({ product: p, onChange }: { product: DataProduct; onChange: (f: Freshness) => void }) {
  const f = p.freshness;
  if (!f.accepted) {
    return (
      <p data-testid="product-freshness">
        <strong>Freshness:</strong> no promise yet.{' '}
        {f.basis ? (
          <>
            <span className="muted" data-testid="freshness-suggestion">
              Suggestion: refreshed every {f.frequencyDays} day(s), at most {f.latencyDays} day(s) behind ({f.basis}).
            </span>{' '}
            <button type="button" onClick={() => onChange({ ...f, accepted: true })}>
              Accept suggestion
            </button>
          </>
        ) : (
          <span className="muted">The file has no dates to suggest one from.</span>
        )}
      </p>
    );
  }
  return (
    <p data-testid="product-freshness">
      <strong>Freshness:</strong> refreshed every{' '}
      <input
        type="number"
        min={1}
        className="product-num"
        aria-label="Refresh every (days)"
        value={f.frequencyDays}
        onChange={(e) => onChange({ ...f, frequencyDays: Math.max(1, Number(e.target.value) || 1) })}
      />{' '}
      day(s), at most{' '}
      <input
        type="number"
        min={0}
        className="product-num"
        aria-label="Latency (days)"
        value={f.latencyDays}
        onChange={(e) => onChange({ ...f, latencyDays: Math.max(0, Number(e.target.value) || 0) })}
      />{' '}
      day(s) behind{f.coverageEnd ? ` (today’s file ends ${f.coverageEnd})` : ''}.{' '}
      <button type="button" onClick={() => onChange({ ...f, accepted: false })}>
        Withdraw promise
      </button>
    </p>
  );
}

/** Every rule today's file suggests, each ticked or not: the card keeps exactly the ticked ones. */
function CandidateList({
  candidates,
  product: p,
  onChange,
}: {
  candidates: CandidateRule[];
  product: DataProduct;
  onChange: (p: DataProduct) => void;
}) {
  const kept = new Set(p.objectives.map((o) => o.id));
  const toggle = (c: CandidateRule, on: boolean) =>
    onChange({
      ...p,
      objectives: on
        ? candidates.filter((x) => kept.has(x.objective.id) || x === c).map((x) => x.objective)
        : p.objectives.filter((o) => o.id !== c.objective.id),
    });
  return (
    <ul className="product-objectives" data-testid="product-objectives">
      {candidates.map((c) => (
        <li
          key={c.objective.id}
          data-testid={kept.has(c.objective.id) ? 'product-objective' : 'product-candidate'}
          data-id={c.objective.id}
          data-source={c.source}
        >
          <label>
            <input
              type="checkbox"
              checked={kept.has(c.objective.id)}
              aria-label={`Keep ${c.objective.title}`}
              onChange={(e) => toggle(c, e.target.checked)}
            />{' '}
            {c.objective.title}
            {c.source === 'finding' && <span className="muted"> (today’s finding)</span>}
            {c.source === 'contract' && <span className="muted"> (from the imported contract)</span>}
          </label>
          <div className="muted small">{c.basis}</div>
        </li>
      ))}
      {candidates.length === 0 && <li className="muted">Today’s file suggests no rules.</li>}
    </ul>
  );
}

/** The data product card as a form. Every change hands back a new card. */
export function ProductEditor({
  product: p,
  onChange,
  candidates,
  domainDetected = false,
}: {
  product: DataProduct;
  onChange: (p: DataProduct) => void;
  candidates?: CandidateRule[];
  /** True while the domain shown is the one detected from the file, not one the user chose. */
  domainDetected?: boolean;
}) {
  const set = <K extends keyof DataProduct>(k: K, v: DataProduct[K]) => onChange({ ...p, [k]: v });
  const setColumn = (i: number, patch: Partial<ProductColumn>) =>
    set(
      'columns',
      p.columns.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    );
  return (
    <form className="product-card" data-testid="product-card" onSubmit={(e) => e.preventDefault()}>
      <div className="product-grid">
        <label>
          Name
          <input
            data-testid="product-name"
            value={p.name}
            placeholder="Not named yet"
            onChange={(e) => set('name', e.target.value)}
          />
        </label>
        <label>
          Owner{' '}
          {!p.owner.trim() && (
            <strong className="product-missing" data-testid="product-owner-missing">
              missing
            </strong>
          )}
          <input
            data-testid="product-owner"
            value={p.owner}
            placeholder="Nobody named: name a person or team"
            aria-invalid={!p.owner.trim()}
            onChange={(e) =>
              onChange({
                ...p,
                owner: e.target.value,
                team: [
                  ...(e.target.value ? [{ username: e.target.value, role: 'Owner' }] : []),
                  ...p.team.filter((m) => m.role !== 'Owner'),
                ],
              })
            }
          />
        </label>
        <label>
          Domain
          <select
            data-testid="product-domain"
            value={p.domain}
            onChange={(e) => set('domain', e.target.value)}
          >
            {!(DOMAINS as string[]).includes(p.domain) && <option value={p.domain}>{p.domain}</option>}
            {DOMAINS.map((d) => (
              <option key={d} value={d}>
                {DOMAIN_LABELS[d]}
              </option>
            ))}
          </select>
          {domainDetected && (
            <span className="muted small" data-testid="product-domain-detected">
              Detected from the file, not chosen yet
            </span>
          )}
        </label>
        <label>
          Status
          <select value={p.status} onChange={(e) => set('status', e.target.value as DataProduct['status'])}>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Version
          <input value={p.version} onChange={(e) => set('version', e.target.value)} />
        </label>
        <label>
          Known consumers (comma-separated)
          <ListInput
            testId="product-consumers"
            value={p.consumers}
            placeholder="None named yet"
            onChange={(v) => set('consumers', v)}
          />
        </label>
      </div>
      <label className="product-wide">
        Description
        <textarea rows={2} value={p.description} onChange={(e) => set('description', e.target.value)} />
      </label>
      <p>
        <strong>Grain:</strong> {p.grain}.
      </p>
      <FreshnessEditor product={p} onChange={(f) => set('freshness', f)} />
      <h3>Schema</h3>
      <table className="mesh-table" data-testid="product-schema">
        <thead>
          <tr>
            <th>Column</th>
            <th>Type</th>
            <th>Meaning</th>
            <th>Required</th>
            <th>Unique</th>
          </tr>
        </thead>
        <tbody>
          {p.columns.map((c, i) => (
            <tr key={c.name}>
              <td>
                {c.name}
                {c.classification ? <span className="muted"> ({c.classification})</span> : null}
              </td>
              <td className="muted">{c.logicalType}</td>
              <td>
                <input
                  className="product-meaning"
                  aria-label={`Meaning of ${c.name}`}
                  value={c.meaning}
                  onChange={(e) => setColumn(i, { meaning: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${c.name} required`}
                  checked={c.required}
                  onChange={(e) => setColumn(i, { required: e.target.checked })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${c.name} unique`}
                  checked={c.unique}
                  onChange={(e) => setColumn(i, { unique: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Quality objectives (contract rules)</h3>
      {candidates ? (
        <CandidateList candidates={candidates} product={p} onChange={onChange} />
      ) : (
        <ul className="product-objectives" data-testid="product-objectives">
          {p.objectives.map((o) => (
            <li key={o.id} data-testid="product-objective" data-id={o.id}>
              {o.title}{' '}
              <button
                type="button"
                className="btn small"
                aria-label={`Remove ${o.title}`}
                onClick={() =>
                  set(
                    'objectives',
                    p.objectives.filter((x) => x.id !== o.id),
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
          {p.objectives.length === 0 && <li className="muted">No objectives.</li>}
        </ul>
      )}
    </form>
  );
}
