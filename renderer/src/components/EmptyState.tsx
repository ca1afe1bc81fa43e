import type { ReactNode } from 'react';

/** What a screen shows when it has nothing to show yet, and what to do about it. */
export function EmptyState({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="empty" data-testid={testId ?? 'empty-state'}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}
