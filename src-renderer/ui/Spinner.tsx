export function Spinner({ small = false, label }: { small?: boolean; label?: string }) {
  return (
    <span className={`spinner-wrap${small ? ' small' : ''}`} role={label ? 'status' : undefined}>
      <span className="spinner" aria-hidden="true" />
      {label && <span className="spinner-label">{label}</span>}
    </span>
  );
}

/** A loading block for a whole panel. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="loading-block">
      <Spinner label={label} />
    </div>
  );
}
