import { useCallback, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import type { EmployeeRow } from '../../../../src-main/contract/employees';
import { formatCount } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { Loading } from '../../../ui/Spinner';
import { openEmployee } from '../../../app/navStore';
import { ROW_HEIGHT, STATUS_LABELS } from '../logic';
import { rowAt, useEmployees } from '../store';
import { EmployeeRowView, PlaceholderRow } from './EmployeeRowView';
import { EmployeeToolbar } from './EmployeeToolbar';

/**
 * The employees of one company, virtualised: only the rows in view are rendered, and rows are
 * fetched from the local database page by page as the user scrolls (fine at 50,000 employees).
 */
export function EmployeeList({ companyId }: { companyId: string }) {
  const s = useEmployees(
    useShallow((st) => ({
      total: st.total,
      pages: st.pages,
      loadState: st.loadState,
      error: st.error,
      syncing: st.syncing,
      notice: st.notice,
      search: st.search,
      status: st.status,
      gen: st.gen,
    })),
  );
  const { open, ensureRange, syncEmployee, dismissNotice, refresh, setScrollTop } = useEmployees.getState();
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    open(companyId);
  }, [companyId, open]);

  // The app does not use the React Compiler; the virtualizer's fresh functions each render are expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: s.total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: () => useEmployees.getState().scrollTop,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // Fetch whatever pages the visible window needs (a reaction to scrolling, not derived state).
  useEffect(() => {
    if (s.total !== null && s.total > 0) ensureRange(first, last);
  }, [first, last, s.total, s.gen, ensureRange]);

  const onOpen = useCallback(
    (row: EmployeeRow) => {
      setScrollTop(scroller.current?.scrollTop ?? 0);
      openEmployee(companyId, row.id);
    },
    [companyId, setScrollTop],
  );
  const onSync = useCallback((row: EmployeeRow) => void syncEmployee(row), [syncEmployee]);
  const onArrow = useCallback(
    (index: number, key: string) => {
      const max = (useEmployees.getState().total ?? 1) - 1;
      const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
      const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
      const target = key === 'Home' ? 0 : key === 'End' ? max : Math.min(max, Math.max(0, index + (moves[key] ?? 0)));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      // The target's page may still be loading (a jump to the end of 50,000 rows): keep trying for a while.
      const until = performance.now() + 3000;
      const focus = () => {
        const el = scroller.current?.querySelector<HTMLElement>(`[data-testid="employee-row"][data-index="${target}"]`);
        if (el) el.focus({ preventScroll: true });
        else if (performance.now() < until) requestAnimationFrame(focus);
      };
      requestAnimationFrame(focus);
    },
    [virtualizer],
  );

  const filtered = s.search !== '' || s.status !== 'all';

  return (
    <div className="employee-list" data-testid="employee-list">
      <EmployeeToolbar />
      {s.notice && (
        <Banner tone={s.notice.tone} title={s.notice.title} onDismiss={dismissNotice} testId="employee-notice">
          {s.notice.text}
        </Banner>
      )}
      {s.loadState === 'error' && s.error && (
        <Banner tone="error" title="Could not read the employees" action={<Button onClick={refresh}>Try again</Button>}>
          {s.error.message}
        </Banner>
      )}
      <p className="list-summary muted" aria-live="polite" data-testid="employee-total">
        {s.total === null
          ? 'Loading…'
          : `${formatCount(s.total)} ${s.total === 1 ? 'employee' : 'employees'}${filtered ? ' match' : ''}`}
        {s.status !== 'all' && ` · showing ${STATUS_LABELS[s.status]}`}
      </p>
      <div role="table" aria-label="Employees" aria-rowcount={(s.total ?? 0) + 1} className="vtable">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="vrow vhead">
            <div role="columnheader" className="col-name">
              Name
            </div>
            <div role="columnheader" className="col-id">
              Employee ID
            </div>
            <div role="columnheader" className="col-status">
              Status
            </div>
            <div role="columnheader" className="col-problems">
              Problems
            </div>
            <div role="columnheader" className="col-synced">
              Last synced
            </div>
            <div role="columnheader" className="col-menu">
              <span className="visually-hidden">Actions</span>
            </div>
          </div>
        </div>
        <div ref={scroller} className="vscroll" role="rowgroup" data-testid="employee-scroller">
          {s.total === null && s.loadState !== 'error' && <Loading label="Loading employees…" />}
          {s.total === 0 && (
            <EmptyState title={filtered ? 'No employees match' : 'No employees yet'}>
              {filtered
                ? 'Try a different search or status.'
                : 'This company has no employees in Bureau Sync yet. Run a sync to fetch them from the HR system.'}
            </EmptyState>
          )}
          {!!s.total && (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = rowAt(s.pages, item.index);
                return row ? (
                  <EmployeeRowView
                    key={row.id}
                    row={row}
                    index={item.index}
                    top={item.start}
                    syncing={!!s.syncing[row.id]}
                    onOpen={onOpen}
                    onSync={onSync}
                    onArrow={onArrow}
                  />
                ) : (
                  <PlaceholderRow key={`p${item.index}`} index={item.index} top={item.start} />
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
