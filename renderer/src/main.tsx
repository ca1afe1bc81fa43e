import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getEngine } from './db';
import './styles/app.css';

// Start DuckDB while the first screen renders, so the first file does not wait for it.
void getEngine().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
