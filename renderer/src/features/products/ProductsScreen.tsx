import { useState } from 'react';
import { compareToPack, comparisonMarkdown, parseCheckPack } from '../../../../shared/mesh/check-pack';
import type { ContractReport } from '../../../../shared/mesh/contract-run';
import { contractToProduct, exportContractYaml, parseContract, unreadableRules } from '../../../../shared/mesh/odcs';
import type { OdcsContract } from '../../../../shared/mesh/odcs';
import type { DataProduct } from '../../../../shared/mesh/product';
import { decisionsFromContract, decisionsFromEdit, productCandidates, productOf } from '../../../../shared/mesh/product-state';
import { EmptyState } from '../../components/EmptyState';
import { getBridge } from '../../bridge';
import { setProduct as saveProduct, useDataset, useStore } from '../../store';
import { exportChecksForDataset } from '../../store/check-export';
import { runContractOnDataset } from '../../store/mesh-data';
import { PolicyPackPanel } from '../governance/PolicyPackPanel';
import type { ScreenProps } from '../registry';
import { useMeshContext } from '../walkthroughs/use-mesh-context';
import { ContractReportView } from './ContractReportView';
import { ProductEditor } from './ProductEditor';
import '../walkthroughs/walkthroughs.css';
import './products.css';
import { FileButton } from '../../components/FileButton';

/**
 * The active dataset's one data product (the store's, saved in the workspace; walkthroughs write to the same
 * object), its ODCS contract, and contracts run against the file.
 */
export function ProductsScreen({ datasetId }: ScreenProps) {
  const dataset = useDataset(datasetId);
  const { ctx, loading, error } = useMeshContext(datasetId);
  const decisions = useStore((s) => (datasetId ? s.products[datasetId] : undefined));
  const [report, setReport] = useState<ContractReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [packDiff, setPackDiff] = useState<string | null>(null);

  if (!dataset) return <EmptyState title="No dataset open">Open a file to build its data product card.</EmptyState>;
  if (error) return <EmptyState title="This dataset could not be read">{error}</EmptyState>;
  if (!ctx || !dataset.result) return <EmptyState title={loading ? `Reading ${dataset.name}…` : 'Waiting for the file to load'} testId="products-loading" />;

  const product = productOf(ctx.active, decisions);
  const id = dataset.id;
  const setProduct = (p: DataProduct) => saveProduct(id, decisionsFromEdit(product, p, decisions ?? {}));

  /** Run a contract on the file; `note` (what an import read) stays on screen with the result. */
  const run = async (contract: OdcsContract, note?: string) => {
    setBusy(true);
    setMessage(note ?? null);
    try {
      setReport(await runContractOnDataset(id, contract));
    } catch (e) {
      setMessage(`${note ? `${note} ` : ''}${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const exportYaml = async () => {
    const where = await getBridge().saveFile(`${product.id}.odcs.yaml`, new TextEncoder().encode(exportContractYaml(product)), 'application/yaml');
    setMessage(where ? `Contract saved to ${where}.` : null);
  };
  const exportChecks = async (format: 'sodacl' | 'dbt') => {
    try {
      const x = await exportChecksForDataset(id, parseContract(exportContractYaml(product)), format);
      const where = await getBridge().saveFile(x.fileName, x.bytes, x.mime);
      if (!where) return setMessage(null);
      const left = x.notExported.length ? ` Not exported (no portable form): ${x.notExported.map((n) => n.title).join('; ')}; the file's comments say why.` : ' Every rule was exported.';
      setMessage(`${x.exported} rule(s) saved to ${where}${x.withCheckPack ? '' : ' (the contract only: the checks have not run yet)'}.${left}`);
    } catch (e) {
      setMessage(`The ${format === 'dbt' ? 'dbt' : 'SodaCL'} export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const importYaml = async (file: File) => {
    try {
      const contract = parseContract(await file.text());
      saveProduct(id, { ...(decisions ?? {}), ...decisionsFromContract(contractToProduct(contract)) });
      const skipped = unreadableRules(contract);
      const left = skipped.length ? ` ${skipped.length} rule(s) MeshLens cannot check were not kept: ${skipped.join('; ')}.` : '';
      await run(contract, `Read ${file.name}: contract "${contract.name ?? contract.id}", run on ${dataset.name}.${left}`);
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
      <h1 data-testid="product-title">Data product: {product.name || <span className="muted">not named yet</span>}</h1>
      <div className="mesh-buttons">
        <button type="button" className="btn primary" data-testid="contract-export" onClick={() => void exportYaml()}>
          Export contract (.odcs.yaml)
        </button>
        <button type="button" className="btn" data-testid="export-sodacl" onClick={() => void exportChecks('sodacl')}>
          Export checks as SodaCL
        </button>
        <button type="button" className="btn" data-testid="export-dbt" onClick={() => void exportChecks('dbt')}>
          Export checks as dbt tests (.tar)
        </button>
        <button type="button" className="btn" data-testid="contract-run" disabled={busy} onClick={() => void run(parseContract(exportContractYaml(product)))}>
          Run this contract on {dataset.name}
        </button>
        <FileButton label="Import a contract…" accept=".yaml,.yml" testId="contract-file" onFile={(f) => void importYaml(f)} />
        <FileButton label="Compare with a check pack…" accept=".json" testId="checkpack-file" onFile={(f) => void comparePack(f)} />
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
      <ProductEditor product={product} onChange={setProduct} candidates={productCandidates(ctx.active, decisions)} domainDetected={!decisions?.domain} />
      <PolicyPackPanel facts={ctx.active} product={product} />
      <details>
        <summary>Contract preview (ODCS v3.1.0 YAML)</summary>
        <pre className="product-yaml" data-testid="contract-preview">
          {exportContractYaml(product)}
        </pre>
      </details>
    </div>
  );
}
