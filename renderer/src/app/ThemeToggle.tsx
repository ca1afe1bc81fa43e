import { useStore, setTheme } from '../store';

export function ThemeToggle() {
  const theme = useStore((s) => s.theme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="btn small" onClick={() => setTheme(next)} aria-label={`Switch to ${next} theme`} data-testid="theme-toggle">
      {theme === 'dark' ? '☀ Light' : '☾ Dark'}
    </button>
  );
}
