import { memo, type KeyboardEvent } from 'react';
import type { EmployeeRow } from '../../../../src-main/contract/employees';
import { Badge } from '../../../ui/Badge';
import { Menu } from '../../../ui/Menu';
import { RelativeTime } from '../../../ui/RelativeTime';
import { Spinner } from '../../../ui/Spinner';
import { STATUS_HINTS, STATUS_LABELS, STATUS_TONES, problemText, rowStatus } from '../logic';

type Props = {
  row: EmployeeRow;
  index: number;
  top: number;
  syncing: boolean;
  onOpen: (row: EmployeeRow) => void;
  onSync: (row: EmployeeRow) => void;
  onArrow: (index: number, key: string) => void;
};

export const EmployeeRowView = memo(function EmployeeRowView({
  row,
  index,
  top,
  syncing,
  onOpen,
  onSync,
  onArrow,
}: Props) {
  const status = rowStatus(row);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(row);
    } else if (['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(e.key)) {
      e.preventDefault();
      onArrow(index, e.key);
    }
  };
  return (
    <div
      role="row"
      tabIndex={0}
      aria-rowindex={index + 2}
      data-index={index}
      data-testid="employee-row"
      data-status={status}
      className={`vrow status-${status}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(row)}
      onKeyDown={onKeyDown}
      aria-label={`${row.name}, ${STATUS_LABELS[status]}. Press Enter to open.`}
    >
      <div role="cell" className="col-name" data-testid="employee-name">
        {row.name}
      </div>
      <div role="cell" className="col-id mono">
        {row.shownId}
      </div>
      <div role="cell" className="col-status">
        <Badge tone={STATUS_TONES[status]} title={STATUS_HINTS[status]}>
          {STATUS_LABELS[status]}
        </Badge>
      </div>
      <div role="cell" className={`col-problems${row.problemCount ? ' has-problems' : ''}`} title={problemText(row)}>
        {problemText(row)}
      </div>
      <div role="cell" className="col-synced">
        {syncing ? <Spinner small label="Syncing…" /> : <RelativeTime at={row.lastSyncedAt} testId="employee-synced" />}
      </div>
      <div role="cell" className="col-menu" onClick={(e) => e.stopPropagation()}>
        <Menu
          label={`Actions for ${row.name}`}
          testId="employee-menu"
          items={[
            { label: 'Sync now', onSelect: () => onSync(row), disabled: syncing },
            { label: 'Open details', onSelect: () => onOpen(row) },
          ]}
        />
      </div>
    </div>
  );
});

export function PlaceholderRow({ index, top }: { index: number; top: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="vrow placeholder"
      style={{ transform: `translateY(${top}px)` }}
      aria-busy="true"
    >
      <div role="cell" className="col-name">
        <span className="skeleton" />
      </div>
    </div>
  );
}
