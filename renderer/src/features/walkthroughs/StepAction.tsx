import type { Answer } from '../../../../shared/mesh/walkthroughs';
import type { RenderedStep } from '../../../../shared/mesh/walkthroughs';
import { DOMAIN_LABELS } from '../../../../shared/mesh/roles';
import { DOMAINS } from '../../../../shared/mesh/ownership';

const asText = (a: Answer | undefined) => (typeof a === 'string' ? a : '');
const asList = (a: Answer | undefined) => (Array.isArray(a) ? a : []);
const asMap = (a: Answer | undefined) => (a && typeof a === 'object' && !Array.isArray(a) ? a : {});

/** The control for one step's action; `value` is the current answer (prefilled with the suggestion). */
export function StepAction({ rendered, value, onChange }: { rendered: RenderedStep; value: Answer | undefined; onChange: (a: Answer) => void }) {
  const a = rendered.step.action;
  switch (a.kind) {
    case 'read':
    case 'artefact':
      return null;
    case 'input':
      return (
        <label className="mesh-field">
          <span>{a.label}</span>
          <input data-testid="step-input" value={asText(value)} placeholder={a.placeholder} onChange={(e) => onChange(e.target.value)} />
        </label>
      );
    case 'choose':
      return (
        <label className="mesh-field">
          <span>{a.label}</span>
          <select data-testid="step-choice" value={asText(value)} onChange={(e) => onChange(e.target.value)}>
            {rendered.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      );
    case 'pick-dataset':
      return (
        <div className="mesh-field">
          <label>
            <span>{a.label}</span>{' '}
            <select data-testid="step-choice" value={asText(value)} onChange={(e) => onChange(e.target.value)}>
              <option value="" disabled>
                Choose…
              </option>
              {rendered.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          {!asText(value) && <p className="muted" data-testid="step-choice-needed">Nothing is chosen for you: pick one to go on.</p>}
          {rendered.offers.length > 0 ? (
            <ul className="mesh-offers" data-testid="step-offers">
              {rendered.offers.map((o) => (
                <li key={o.name} data-testid="step-offer" data-offered={o.offered ? 'true' : 'false'}>
                  <strong>{o.name}</strong>: {o.offered ? 'offered' : 'not offered'}, {o.reason}.
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted" data-testid="step-offers-empty">No other file is loaded. Open one from Home, or choose “{a.noneLabel ?? 'none'}”.</p>
          )}
        </div>
      );
    case 'multi': {
      const chosen = new Set(asList(value));
      return (
        <fieldset className="mesh-field" data-testid="step-multi">
          <legend>{a.label}</legend>
          {rendered.options.map((o) => (
            <label key={o.value} className="mesh-check">
              <input
                type="checkbox"
                checked={chosen.has(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : [...chosen].filter((x) => x !== o.value))}
              />{' '}
              {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'route-findings': {
      const routes = asMap(value);
      if (!rendered.options.length) return <p className="muted">No findings to route for this file.</p>;
      return (
        <table className="mesh-table" data-testid="step-routing">
          <thead>
            <tr>
              <th>Finding</th>
              <th>{a.label}</th>
            </tr>
          </thead>
          <tbody>
            {rendered.options.map((o) => (
              <tr key={o.value}>
                <td>{o.label}</td>
                <td>
                  <select aria-label={`Domain for ${o.label}`} value={routes[o.value] ?? ''} onChange={(e) => onChange({ ...routes, [o.value]: e.target.value })}>
                    {DOMAINS.map((d) => (
                      <option key={d} value={d}>
                        {DOMAIN_LABELS[d]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
  }
}
