import type { ContractReport } from '../../../../shared/mesh/contract-run';

/** What running a contract on a file found: schema drift first (breaking changes called out), then rules. */
export function ContractReportView({ report: r, file }: { report: ContractReport; file: string }) {
  return (
    <section className="contract-report" data-testid="contract-report" data-ok={r.ok ? 'true' : 'false'}>
      <h3>
        {file} against “{r.contractName}”
      </h3>
      <p data-testid="contract-verdict">
        {r.ok
          ? 'The file keeps the contract.'
          : `The file does not keep the contract: ${r.breakingChanges} breaking change(s), ${r.failedRules} failed rule(s), ${r.skippedRules} rule(s) could not run.`}{' '}
        <span className="muted">{r.rows} rows checked.</span>
      </p>
      {r.drift.length > 0 && (
        <table className="mesh-table" data-testid="contract-drift">
          <thead>
            <tr>
              <th>Column</th>
              <th>Change</th>
              <th>What it means</th>
            </tr>
          </thead>
          <tbody>
            {r.drift.map((d) => (
              <tr key={`${d.change}:${d.column}`} data-testid="drift-row" data-breaking={d.breaking ? 'true' : 'false'}>
                <td>{d.column}</td>
                <td>{d.breaking ? <strong className="contract-breaking">Breaking: {d.change}</strong> : d.change}</td>
                <td>{d.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="mesh-table" data-testid="contract-rules">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Result</th>
            <th>Measured</th>
            <th>Promised</th>
          </tr>
        </thead>
        <tbody>
          {r.rules.map((q, i) => (
            <tr key={`${q.id}:${i}`} data-testid="rule-row" data-status={q.status}>
              <td>
                {q.title}
                {q.column ? <span className="muted"> [{q.column}]</span> : null}
              </td>
              <td>{q.status === 'pass' ? 'pass' : q.status === 'fail' ? <strong className="contract-breaking">fail</strong> : 'skipped'}</td>
              <td>{q.actual ?? '–'}</td>
              <td>{q.status === 'not-run' ? q.message : q.expected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
