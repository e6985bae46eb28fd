import type { ChangesPack } from '../../../../src-main/contract/exports';
import { formatDate } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';

const show = (v: string | null) => (v === null || v === '' ? '(blank)' : v);

/** What the next pay run must take in since the last export; bank-detail changes first and loud. */
export function ChangesPackView({ pack }: { pack: ChangesPack }) {
  const bank = pack.changed.flatMap((c) =>
    c.flags.filter((f) => f.kind === 'bank').map((f) => ({ name: c.employee.name, message: f.message })),
  );
  const identity = [
    ...pack.changed.flatMap((c) =>
      c.flags.filter((f) => f.kind === 'identity').map((f) => ({ name: c.employee.name, message: f.message })),
    ),
    ...pack.newStarters.flatMap((s) => s.flags.map((f) => ({ name: s.employee.name, message: f.message }))),
  ];
  return (
    <div className="changes-pack" data-testid="changes-pack">
      <p className="pack-summary" data-testid="pack-summary">
        {pack.summary}
      </p>
      {bank.length > 0 && (
        <Banner
          tone="error"
          title={`Bank details changed for ${bank.length === 1 ? '1 employee' : `${bank.length} employees`}`}
          testId="bank-flags"
        >
          <ul className="flag-list">
            {bank.map((b) => (
              <li key={b.name}>
                <strong>{b.name}:</strong> {b.message}
              </li>
            ))}
          </ul>
        </Banner>
      )}
      {identity.length > 0 && (
        <Banner tone="warning" title="Identity details changed" testId="identity-flags">
          <ul className="flag-list">
            {identity.map((b) => (
              <li key={`${b.name}${b.message}`}>
                <strong>{b.name}:</strong> {b.message}
              </li>
            ))}
          </ul>
        </Banner>
      )}
      {pack.since && pack.total > 0 && (
        <div className="pack-sections">
          {pack.newStarters.length > 0 && (
            <section>
              <h4>New starters ({pack.newStarters.length})</h4>
              <ul>
                {pack.newStarters.map((s) => (
                  <li key={s.employee.employeeId}>
                    {s.employee.name}{' '}
                    <span className="muted">
                      ({s.employee.identity}
                      {s.startDate ? `, starts ${formatDate(s.startDate)}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {pack.leavers.length > 0 && (
            <section>
              <h4>Leavers ({pack.leavers.length})</h4>
              <ul>
                {pack.leavers.map((l) => (
                  <li key={l.employee.employeeId}>
                    {l.employee.name}{' '}
                    <span className="muted">
                      (left {l.leaveDate ? formatDate(l.leaveDate) : 'on a date the HR system does not hold'})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {pack.changed.length > 0 && (
            <section>
              <h4>Changed details ({pack.changed.length})</h4>
              <table className="table pack-table" data-testid="pack-changed">
                <thead>
                  <tr>
                    <th scope="col">Employee</th>
                    <th scope="col">Detail</th>
                    <th scope="col">Was</th>
                    <th scope="col">Now</th>
                  </tr>
                </thead>
                <tbody>
                  {pack.changed.flatMap((c) =>
                    c.changes.map((ch, i) => (
                      <tr
                        key={`${c.employee.employeeId}-${ch.field}`}
                        className={
                          c.flags.some((f) => f.kind === 'bank') &&
                          ['sortCode', 'accountNumber', 'accountName'].includes(ch.field)
                            ? 'bank-change'
                            : undefined
                        }
                      >
                        <th scope="row">{i === 0 ? c.employee.name : ''}</th>
                        <td>{ch.label}</td>
                        <td className="mono">{show(ch.from)}</td>
                        <td className="mono">{show(ch.to)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </section>
          )}
        </div>
      )}
      {pack.noLongerReady.length > 0 && (
        <section className="pack-sections">
          <h4>Exported before, left out now ({pack.noLongerReady.length})</h4>
          <ul>
            {pack.noLongerReady.map((n) => (
              <li key={n.employee.employeeId}>
                {n.employee.name}: <span className="muted">{n.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
