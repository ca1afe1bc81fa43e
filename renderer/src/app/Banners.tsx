/** Errors and notices: what happened, in one sentence, with a way to dismiss. */
import { useStore, dismissBanner } from '../store';

export function Banners() {
  const banners = useStore((s) => s.banners);
  if (!banners.length) return null;
  return (
    <section className="banners" aria-label="Messages">
      {banners.map((b) => (
        <div key={b.id} className="banner" data-kind={b.kind} role={b.kind === 'error' ? 'alert' : 'status'} data-testid={`banner-${b.kind}`}>
          <p>{b.message}</p>
          <button type="button" className="btn small ghost" onClick={() => dismissBanner(b.id)} aria-label="Dismiss message">
            ✕
          </button>
        </div>
      ))}
    </section>
  );
}
