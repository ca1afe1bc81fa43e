/**
 * A label cluster's canonical spelling, chosen by the user: one of the variants or typed. The choice is
 * kept once per dataset in the store (mesh-slice `labelChoices`), saved in the workspace, and applied by the
 * cleaned export (shared/checks/label-fixes.ts).
 */
import { useMemo, useState } from 'react';
import { matchLabelChoices } from '../../../../shared/checks/label-fixes';
import type { LabelGroup } from '../../../../shared/checks/label-clusters';
import { setLabelCanonical, useStore } from '../../store';
import { plural } from '../../../../shared/text/plural';

const TYPED = '\u0000typed';
const quoted = (v: string) => `“${v}”`;

/** "A, B and C" */
function listInWords(items: string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
    : (items[0] ?? '');
}

/**
 * One cluster in plain words: "3 spellings of one label, in 18 rows: “Data Analytics Course” (11 rows),
 * “Data Anlytics Corse” (4 rows) and “DataAnalyticsCourse” (3 rows). Suggested label: “Data Analytics Course”."
 */
export function labelClusterSentence(group: LabelGroup): string {
  const rows = group.variants.reduce((n, v) => n + v.count, 0);
  const variants = group.variants.map((v) => `${quoted(v.value)} (${plural(v.count, 'row')})`);
  return `${plural(group.variants.length, 'spelling')} of one label, in ${plural(rows, 'row')}: ${listInWords(variants)}. Suggested label: ${quoted(group.canonical)}.`;
}

function ClusterRow({ datasetId, column, group, choice }: { datasetId: string; column: string; group: LabelGroup; choice: { key: string; canonical: string } | undefined }) {
  const current = choice?.canonical ?? group.canonical;
  const isVariant = group.variants.some((v) => v.value === current) || current === group.canonical;
  const [typing, setTyping] = useState(!isVariant);
  const [text, setText] = useState(isVariant ? '' : current);
  const choose = (value: string) => setLabelCanonical(datasetId, column, group.canonical, value, choice?.key);
  return (
    <li data-testid="label-cluster" data-suggested={group.canonical}>
      <span data-testid="label-cluster-text">{labelClusterSentence(group)}</span>{' '}
      {current !== group.canonical && (
        <span data-testid="label-cluster-chosen">You chose {quoted(current)}. </span>
      )}
      <span className="ml-muted">Write every spelling as </span>
      <select
        aria-label={`Canonical spelling for ${group.canonical}`}
        data-testid="label-canonical-select"
        value={typing ? TYPED : current}
        onChange={(e) => {
          if (e.target.value === TYPED) {
            setTyping(true);
            return;
          }
          setTyping(false);
          choose(e.target.value);
        }}
      >
        {!group.variants.some((v) => v.value === group.canonical) && (
          <option value={group.canonical}>{group.canonical} (suggested)</option>
        )}
        {group.variants.map((v) => (
          <option key={v.value} value={v.value}>
            {v.value}
            {v.value === group.canonical ? ' (suggested)' : ''}
          </option>
        ))}
        <option value={TYPED}>Type another spelling…</option>
      </select>
      {typing && (
        <input
          type="text"
          aria-label={`Typed canonical spelling for ${group.canonical}`}
          data-testid="label-canonical-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => choose(text)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') choose(text);
          }}
        />
      )}
    </li>
  );
}

/** Every cluster of an `inconsistent_labels` finding, each with its canonical spelling to keep or change. */
export function LabelCanonical({
  datasetId,
  column,
  groups,
}: {
  datasetId: string;
  column: string;
  groups: LabelGroup[];
}) {
  // The same matching the cleaned export and the CLI use: a choice made when another spelling was suggested still counts.
  const columnChoices = useStore((s) => s.labelChoices[datasetId]?.[column]);
  const matched = useMemo(() => matchLabelChoices(groups, columnChoices), [groups, columnChoices]);
  return (
    <>
      <dt>Canonical spellings</dt>
      <dd>
        <p className="ml-muted" style={{ margin: 0 }}>
          The cleaned export writes every spelling of a cluster as its canonical value.
        </p>
        <ul className="ml-list" data-testid="label-clusters">
          {groups.map((g) => (
            <ClusterRow key={g.canonical} datasetId={datasetId} column={column} group={g} choice={matched.get(g.canonical)} />
          ))}
        </ul>
      </dd>
    </>
  );
}
