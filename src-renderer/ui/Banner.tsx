import type { ReactNode } from 'react';

type Tone = 'success' | 'error' | 'info' | 'warning';

/** A message strip. Errors are announced immediately (role=alert); others politely (role=status). */
export function Banner({
  tone,
  title,
  children,
  onDismiss,
  action,
  testId,
}: {
  tone: Tone;
  title?: string;
  children?: ReactNode;
  onDismiss?: () => void;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div className="banner-body">
        {title && <strong className="banner-title">{title}</strong>}
        {children && <div className="banner-text">{children}</div>}
      </div>
      {action}
      {onDismiss && (
        <button type="button" className="banner-close" onClick={onDismiss} aria-label="Dismiss message">
          ×
        </button>
      )}
    </div>
  );
}
