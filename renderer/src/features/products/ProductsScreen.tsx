import { useState } from 'react';
import { checkRunnerFor } from '../../../../shared/mesh/analyse';
import { compareToPack, comparisonMarkdown, parseCheckPack } from '../../../../shared/mesh/check-pack';
import { runContract } from '../../../../shared/mesh/contract-run';
import type { ContractReport } from '../../../../shared/mesh/contract-run';
import { contractToProduct, exportContractYaml, parseContract } from '../../../../shared/mesh/odcs';
import type { OdcsContract } from '../../../../shared/mesh/odcs';
import { suggestProduct } from '../../../../shared/mesh/product';
import type { DataProduct } from '../../../../shared/mesh/product';
import { EmptyState } from '../../components/EmptyState';
import { getBridge } from '../../bridge';
import { getEngine } from '../../db';
import { useDataset } from '../../store';
import type { ScreenProps } from '../registry';
import { useMeshContext } from '../walkthroughs/use-mesh-context';
import { ContractReportView } from './ContractReportView';
import { ProductEditor } from './ProductEditor';
import '../walkthroughs/walkthroughs.css';
import './products.css';

/** Data product card for the active dataset, its ODCS contract, and contracts run against the file. */
export function ProductsScreen({ datasetId }: ScreenProps) {
  const dataset = useDataset(datasetId);
  const { ctx, loading, error } = useMeshContext(datasetId);
  const [edited, setEdited] = useState<{ dataset: string; product: DataProduct } | null>(null);
  const [report, setReport] = useState<ContractReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [packDiff, setPackDiff] = useState<string | null>(null);

  if (!dataset) return <EmptyState title="No dataset open">Open a file to build its data product card.</EmptyState>;
  if (error) return <EmptyState title="This dataset could not be read">{error}</EmptyState>;
  if (!ctx || !dataset.result) return <EmptyState title={loading ? `Reading ${dataset.name}…` : 'Waiting for the file to load'} testId="products-loading" />;

  const product = edited && edited.dataset === ctx.active.name ? edited.product : suggestProduct(ctx.active);
  const setProduct = (p: DataProduct) => setEdited({ dataset: ctx.active.name, product: p });
  const result = dataset.result;

  const run = async (contract: OdcsContract) => {
    setBusy(true);
    setMessage(null);
    try {
      const engine = await getEngine();
      setReport(await runContract(engine, result, contract, { checks: checkRunnerFor(engine, result) }));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const exportYaml = async () => {
    const where = await getBridge().saveFile(`${product.id}.odcs.yaml`, new TextEncoder().encode(exportContractYaml(product)), 'application/yaml');
    setMessage(where ? `Contract saved to ${where}.` : null);
  };
  const importYaml = async (file: File) => {
    try {
      const contract = parseContract(await file.text());
      setProduct(contractToProduct(contract));
      setMessage(`Read ${file.name}: contract "${contract.name ?? contract.id}". Running it on ${dataset.name}…`);
      await run(contract);
    } catch (e) {
      setReport(null);
      setMessage(`${file.name} could not be used: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const comparePack = async (file: File) => {
    try {
      setPackDiff(comparisonMarkdown(compareToPack(parseCheckPack(await file.text()), ctx.active)));
    } catch (e) {
      setPackDiff(null);
      setMessage(`${file.name} could not be used: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="screen mesh-screen" data-testid="products-screen">
      <h1>Data product: {product.name}</h1>
      <div className="mesh-buttons">
        <button type="button" className="btn primary" data-testid="contract-export" onClick={() => void exportYaml()}>
          Export contract (.odcs.yaml)
        </button>
        <button type="button" className="btn" data-testid="contract-run" disabled={busy} onClick={() => void run(parseContract(exportContractYaml(product)))}>
          Run this contract on {dataset.name}
        </button>
        <label className="btn">
          Import a contract…
          <input
            type="file"
            accept=".yaml,.yml"
            className="sr-only"
            data-testid="contract-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importYaml(f);
              e.target.value = '';
            }}
          />
        </label>
        <label className="btn">
          Compare with a check pack…
          <input
            type="file"
            accept=".json"
            className="sr-only"
            data-testid="checkpack-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void comparePack(f);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {packDiff && (
        <pre className="product-yaml" data-testid="checkpack-comparison">
          {packDiff}
        </pre>
      )}
      {message && (
        <p className="muted" data-testid="products-message" role="status">
          {message}
        </p>
      )}
      {busy && <p className="muted">Running the contract…</p>}
      {report && <ContractReportView report={report} file={dataset.name} />}
      <ProductEditor product={product} onChange={setProduct} />
      <details>
        <summary>Contract preview (ODCS v3.1.0 YAML)</summary>
        <pre className="product-yaml" data-testid="contract-preview">
          {exportContractYaml(product)}
        </pre>
      </details>
    </div>
  );
}
