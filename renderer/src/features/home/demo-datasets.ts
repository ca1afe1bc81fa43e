/**
 * Demo datasets bundled under assets/demo/ (made by the demo-data generator). Their titles and layouts come
 * from assets/demo/manifest.json when it is there; with no files at all, Home says so.
 */
const urls = import.meta.glob<string>('../../../../assets/demo/*.{csv,tsv,txt,parquet,ndjson,xlsx}', {
  query: '?url',
  import: 'default',
  eager: true,
});
const manifests = import.meta.glob<unknown>('../../../../assets/demo/manifest.json', { import: 'default', eager: true });

export interface DemoDataset {
  name: string;
  url: string;
  title: string;
  description?: string;
}

interface ManifestEntry {
  file: string;
  title?: string;
  platform?: string;
  layout?: string;
}

function manifestEntries(): ManifestEntry[] {
  const manifest = Object.values(manifests)[0] as { files?: unknown } | undefined;
  if (!manifest || !Array.isArray(manifest.files)) return [];
  return manifest.files.filter((f): f is ManifestEntry => typeof f === 'object' && f !== null && typeof (f as ManifestEntry).file === 'string');
}

const described = new Map(manifestEntries().map((e) => [e.file, e]));

export const demoDatasets: DemoDataset[] = Object.entries(urls)
  .map(([path, url]) => {
    const name = path.split('/').pop() ?? path;
    const entry = described.get(name);
    return {
      name,
      url,
      title: entry?.title ?? name,
      description: entry ? [entry.platform, entry.layout].filter(Boolean).join(': ') : undefined,
    };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export async function fetchDemo(demo: DemoDataset): Promise<Uint8Array> {
  return (await fetchDemoFile(demo)).bytes;
}

/** The Blob (read whole by the database worker) and its first MB for the import preview. */
export async function fetchDemoFile(demo: DemoDataset, headBytes = Infinity): Promise<{ bytes: Uint8Array; blob: Blob }> {
  const response = await fetch(demo.url);
  if (!response.ok) throw new Error(`Demo file ${demo.name} is missing from this build.`);
  const blob = await response.blob();
  return { bytes: new Uint8Array(await blob.slice(0, headBytes).arrayBuffer()), blob };
}
