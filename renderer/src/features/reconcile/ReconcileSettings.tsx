/**
 * The reconciliation settings on screen: a source's currency and time zone (typed, checked, cleared to go
 * back to what the file states), and the settings saved or opened as the YAML `meshlens reconcile --config`
 * reads. The screen, the CLI and the workspace hold one ReconcileConfig (shared/reconcile/config.ts).
 */
import { useState } from 'react';
import { parseReconcileConfig, reconcileConfigYaml, settingProblem, settingsOf } from '../../../../shared/reconcile/config';
import type { ReconcileConfig, SourceSettings } from '../../../../shared/reconcile/config';
import { getBridge } from '../../bridge';
import { FileButton } from '../../components/FileButton';

const baseName = (f: string) => f.split(/[\\/]/).pop() ?? f;

/** The config with one source's settings changed; an emptied setting is removed (the file's own value applies). */
export function withSourceSetting(config: ReconcileConfig, name: string, patch: SourceSettings): ReconcileConfig {
  const merged: SourceSettings = { ...settingsOf(config, name), ...patch };
  const kept = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== '')) as SourceSettings;
  const others = config.sources.filter((s) => baseName(s.file) !== name);
  return { ...config, sources: Object.keys(kept).length ? [...others, { file: name, ...kept }] : others };
}

const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** A currency or time zone for one source: what the user set, else what the file states, shown as the hint. */
export function SourceSettingInput({
  name,
  field,
  value,
  stated,
  onCommit,
}: {
  name: string;
  field: 'currency' | 'timeZone';
  value: string | undefined;
  /** What the run used (the user's value or the file's own). */
  stated: string | undefined;
  onCommit: (value: string | undefined) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const what = field === 'currency' ? 'Currency' : 'Time zone';
  const commit = () => {
    if (draft === null) return;
    const v = draft.trim();
    const issue = v ? settingProblem(field, v) : null;
    setProblem(issue);
    if (issue) return;
    setDraft(null);
    onCommit(v ? (field === 'currency' ? v.toUpperCase() : v) : undefined);
  };
  return (
    <>
      <input
        type="text"
        aria-label={`${what} of ${name}`}
        data-testid={field === 'currency' ? 'reconcile-currency' : 'reconcile-timezone'}
        data-source={name}
        size={field === 'currency' ? 4 : 16}
        list={field === 'timeZone' ? 'reconcile-time-zones' : undefined}
        placeholder={stated && !value ? stated : field === 'currency' ? 'EUR' : 'Europe/Berlin'}
        value={draft ?? value ?? ''}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />{' '}
      <span className="ml-muted">({value ? 'set by you' : stated ? 'from the file' : 'not stated'})</span>
      {problem && (
        <div role="alert" className="ml-error" data-testid="reconcile-setting-problem">
          {problem}
        </div>
      )}
    </>
  );
}

/** Every time zone this runtime knows, offered while typing one. */
export function TimeZoneList() {
  return (
    <datalist id="reconcile-time-zones">
      {TIME_ZONES.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

/** Save the settings as the CLI's config YAML, or open one (its sources are matched to open files by name). */
export function ConfigFileButtons({ config, onOpen }: { config: ReconcileConfig; onOpen: (config: ReconcileConfig) => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    const where = await getBridge().saveFile('reconcile.yaml', new TextEncoder().encode(reconcileConfigYaml(config)), 'application/yaml');
    setMessage(where ? `Settings saved to ${where}; run them with meshlens reconcile --config ${baseName(where)}.` : null);
  };
  const open = async (file: File) => {
    try {
      const read = parseReconcileConfig(await file.text(), file.name);
      onOpen({ ...read, ...(read.truth ? { truth: baseName(read.truth) } : {}), sources: read.sources.map((s) => ({ ...s, file: baseName(s.file) })) });
      setMessage(`Settings read from ${file.name}.`);
    } catch (e) {
      setMessage(`${file.name} could not be used: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <p>
      <button type="button" className="btn" data-testid="reconcile-save-config" onClick={() => void save()}>
        Save settings (reconcile.yaml)
      </button>{' '}
      <FileButton label="Open settings…" accept=".yaml,.yml" testId="reconcile-config-file" onFile={(f) => void open(f)} />
      {message && (
        <span className="ml-muted" data-testid="reconcile-config-message">
          {' '}
          {message}
        </span>
      )}
    </p>
  );
}
