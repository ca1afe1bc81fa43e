/** Demo datasets bundled under assets/demo/ (made by the demo-data generator); none is fine too. */
const urls = import.meta.glob<string>('../../../../assets/demo/*.{csv,tsv,txt,parquet,json,ndjson,xlsx}', {
  query: '?url',
  import: 'default',
  eager: true,
});

export interface DemoDataset {
  name: string;
  url: string;
}

export const demoDatasets: DemoDataset[] = Object.entries(urls)
  .map(([path, url]) => ({ name: path.split('/').pop() ?? path, url }))
  .sort((a, b) => a.name.localeCompare(b.name));

export async function fetchDemo(demo: DemoDataset): Promise<Uint8Array> {
  const response = await fetch(demo.url);
  if (!response.ok) throw new Error(`Demo file ${demo.name} is missing from this build.`);
  return new Uint8Array(await response.arrayBuffer());
}
