/**
 * The screens the navigation shows, in order. To add a screen, add one line here.
 * `needsDataset` screens are disabled until a dataset tab is open and receive its id.
 */
import type { ComponentType } from 'react';
import { HomeScreen } from './home/HomeScreen';
import { ImportScreen } from './import/ImportScreen';
import { GridScreen } from './grid/GridScreen';
import { SqlScreen } from './sql/SqlScreen';
import { OverviewScreen } from './overview/OverviewScreen';
import { ColumnsScreen } from './columns/ColumnsScreen';
import { FindingsScreen } from './findings/FindingsScreen';
import { WalkthroughsScreen } from './walkthroughs/WalkthroughsScreen';
import { ProductsScreen } from './products/ProductsScreen';
import { WorkshopScreen } from './workshop/WorkshopScreen';
import { ReconcileScreen } from './reconcile/ReconcileScreen';

export interface ScreenProps {
  /** The active dataset tab, or null when none is open. */
  datasetId: string | null;
}

export interface ScreenDef {
  id: string;
  label: string;
  component: ComponentType<ScreenProps>;
  /** A short glyph shown before the label. */
  icon?: string;
  needsDataset?: boolean;
}

export const screens: ScreenDef[] = [
  { id: 'home', label: 'Home', component: HomeScreen, icon: '⌂' },
  { id: 'import', label: 'Import', component: ImportScreen, icon: '⇪', needsDataset: true },
  { id: 'overview', label: 'Overview', component: OverviewScreen, icon: '◎', needsDataset: true },
  { id: 'columns', label: 'Columns', component: ColumnsScreen, icon: '▥', needsDataset: true },
  { id: 'findings', label: 'Findings', component: FindingsScreen, icon: '⚑', needsDataset: true },
  { id: 'grid', label: 'Data', component: GridScreen, icon: '▦', needsDataset: true },
  { id: 'sql', label: 'SQL', component: SqlScreen, icon: '›_' },
  { id: 'walkthroughs', label: 'Walkthroughs', component: WalkthroughsScreen, icon: '☷', needsDataset: true },
  { id: 'products', label: 'Data product', component: ProductsScreen, icon: '▣', needsDataset: true },
  { id: 'reconcile', label: 'Reconcile', component: ReconcileScreen, icon: '⇄' },
  { id: 'workshop', label: 'Workshop', component: WorkshopScreen, icon: '✎' },
];

/** Where a freshly opened file lands: the overview when that screen exists, else the import preview. */
export function landingScreen(): string {
  return screens.some((s) => s.id === 'overview') ? 'overview' : 'import';
}
