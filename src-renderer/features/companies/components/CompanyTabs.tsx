import { useRef, type KeyboardEvent } from 'react';
import { openCompany, type CompanyTab } from '../../../app/navStore';

const TABS: Array<{ id: CompanyTab; label: string }> = [
  { id: 'employees', label: 'Employees' },
  { id: 'history', label: 'Sync history' },
  { id: 'exports', label: 'Exports' },
  { id: 'payslips', label: 'Payslips' },
  { id: 'settings', label: 'Settings' },
];

/** Tabs with the usual keyboard model: arrows move between tabs, Home/End jump. */
export function CompanyTabs({ companyId, tab }: { companyId: string; tab: CompanyTab }) {
  const list = useRef<HTMLDivElement>(null);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = TABS[(to + TABS.length) % TABS.length];
    if (!next) return;
    openCompany(companyId, next.id);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus());
  };
  return (
    <div className="tabs" role="tablist" aria-label="Company sections" ref={list} onKeyDown={onKey}>
      {TABS.map((t) => (
        <button
          key={t.id}
          id={`tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={t.id === tab}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === tab ? 0 : -1}
          className="tab"
          onClick={() => openCompany(companyId, t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
