import type { ReactNode } from 'react';

export type BadgeTone = 'green' | 'amber' | 'grey' | 'red' | 'blue';

export function Badge({ tone, children, title }: { tone: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
