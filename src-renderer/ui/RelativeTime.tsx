import { formatDateTime, formatRelative } from '../lib/format';
import { useNow } from '../lib/useNow';

/** "5 minutes ago", with the exact dd/mm/yyyy HH:mm on hover and for screen readers. */
export function RelativeTime({ at, empty = 'Never', testId }: { at: string | null; empty?: string; testId?: string }) {
  const now = useNow();
  if (!at)
    return (
      <span className="muted" data-testid={testId}>
        {empty}
      </span>
    );
  const exact = formatDateTime(at);
  return (
    <time
      dateTime={at}
      title={exact}
      aria-label={`${formatRelative(at, now)} (${exact})`}
      data-testid={testId}
      className="reltime"
    >
      {formatRelative(at, now)}
    </time>
  );
}
