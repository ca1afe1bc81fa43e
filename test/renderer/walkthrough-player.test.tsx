// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeshContext } from '../../shared/mesh/types';
import type { ProductDecisions } from '../../shared/mesh/product-state';
import { ADS } from '../unit/mesh/facts-fixture';
import { startProgress, walkthroughById, WALKTHROUGHS } from '../../shared/mesh/walkthroughs';
import type { Artefact, Walkthrough, WalkthroughProgress } from '../../shared/mesh/walkthroughs';
import { WalkthroughPlayer } from '../../renderer/src/features/walkthroughs/WalkthroughPlayer';

afterEach(cleanup);

const ctx: MeshContext = { active: ADS, datasets: [ADS] };

function Harness({ w, onSave, initial, product: start }: { w: Walkthrough; onSave: (a: Artefact) => Promise<string | null>; initial?: WalkthroughProgress; product?: ProductDecisions }) {
  const [p, setP] = useState<WalkthroughProgress>(initial ?? startProgress(w, ADS.name));
  const [product, setProduct] = useState<ProductDecisions>(start ?? {});
  return (
    <WalkthroughPlayer
      walkthrough={w}
      ctx={{ ...ctx, product }}
      progress={p}
      onProgress={(next, patch) => {
        setP(next);
        if (patch) setProduct((x) => ({ ...x, ...patch }));
      }}
      onSave={onSave}
    />
  );
}

describe('WalkthroughPlayer', () => {
  it('walks "Domain ownership" to the end with the user’s numbers and saves the matrix', async () => {
    const w = walkthroughById('domain-ownership')!;
    const onSave = vi.fn(async (_a: Artefact) => '/tmp/ads.csv.ownership.md');
    render(<Harness w={w} onSave={onSave} />);
    expect(screen.getByTestId('walkthrough-stepcount').textContent).toBe(`Step 1 of ${w.steps.length}`);
    expect(screen.getByTestId('walkthrough-text').textContent).toContain('export from Google Ads');
    fireEvent.click(screen.getByTestId('walkthrough-next'));
    fireEvent.change(screen.getByTestId('step-input'), { target: { value: 'Jana (paid search)' } });
    fireEvent.click(screen.getByTestId('walkthrough-next'));
    expect(screen.getByTestId('walkthrough-text').textContent).toContain('1 finding (1 error, 0 warnings)');
    fireEvent.change(screen.getByLabelText('Domain for Funnel step above its parent'), { target: { value: 'data-platform' } });
    fireEvent.click(screen.getByTestId('walkthrough-next'));
    fireEvent.click(screen.getByTestId('walkthrough-back'));
    expect(screen.getByTestId('walkthrough-step').dataset.step).toBe('route');
    expect((screen.getByLabelText('Domain for Funnel step above its parent') as HTMLSelectElement).value).toBe('data-platform');
    while (screen.queryByTestId('walkthrough-next')) fireEvent.click(screen.getByTestId('walkthrough-next'));
    const artefact = screen.getByTestId('walkthrough-artefact');
    expect(artefact.textContent).toContain('Owner: **Jana (paid search)**');
    expect(artefact.textContent).toContain('| Funnel step above its parent (error) | 4 | informed |  |  | fixes |');
    fireEvent.click(screen.getByTestId('walkthrough-save'));
    expect(await screen.findByTestId('walkthrough-saved')).toBeTruthy();
    expect(onSave.mock.calls[0]![0].fileName).toBe('ads.csv.ownership.md');
  });

  it('shows glossary terms and resumes mid-way from saved progress', () => {
    const w = walkthroughById('data-as-a-product')!;
    const saved = JSON.parse(JSON.stringify({ ...startProgress(w, ADS.name), step: 3, answers: { name: 'Paid search daily', owner: 'Jana' } })) as WalkthroughProgress;
    render(<Harness w={w} onSave={async () => null} initial={saved} product={{ name: 'Paid search daily', owner: 'Jana' }} />);
    expect(screen.getByTestId('walkthrough-stepcount').textContent).toBe(`Step 4 of ${w.steps.length}`);
    expect(screen.getByTestId('walkthrough-text').textContent).toContain('rules that today’s file already keeps are ticked; 1 finding from today’s checks is offered unticked');
    const box = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
    expect(box('No funnel inversions: Clicks never exceed Impr. (today: 4)').checked).toBe(true);
    expect(box('Keep fixed: Funnel step above its parent').checked).toBe(false);
    const terms = screen.getAllByTestId('glossary-term').map((t) => t.dataset.term);
    expect(terms).toEqual(['sli', 'slo']);
  });

  it('a step that asks for the owner shows the owner already named for the product, and an empty one when none is', () => {
    const w = walkthroughById('federated-governance')!;
    render(<Harness w={w} onSave={async () => null} product={{ owner: 'Sales ops (Maria)' }} />);
    fireEvent.click(screen.getByTestId('walkthrough-next'));
    fireEvent.click(screen.getByTestId('walkthrough-next'));
    expect(screen.getByTestId('walkthrough-step').dataset.step).toBe('owner');
    expect((screen.getByTestId('step-input') as HTMLInputElement).value).toBe('Sales ops (Maria)');
    cleanup();
    render(<Harness w={walkthroughById('data-as-a-product')!} onSave={async () => null} />);
    fireEvent.click(screen.getByTestId('walkthrough-next'));
    expect(screen.getByTestId('walkthrough-step').dataset.step).toBe('owner');
    expect((screen.getByTestId('step-input') as HTMLInputElement).value).toBe(''); // nobody named: nothing made up
  });

  it('every highlighted element is on screen and outlined while its step is shown', () => {
    for (const w of WALKTHROUGHS) {
      w.steps.forEach((step, i) => {
        if (!step.highlight) return;
        const p = { ...startProgress(w, ADS.name), step: i };
        render(<WalkthroughPlayer walkthrough={w} ctx={ctx} progress={p} onProgress={() => undefined} onSave={async () => null} />);
        const el = document.querySelector(`[data-testid="${step.highlight}"]`);
        expect(el, `${w.id}/${step.id} → ${step.highlight}`).not.toBeNull();
        expect(el!.classList.contains('mesh-highlight')).toBe(true);
        cleanup();
      });
    }
  });
});
