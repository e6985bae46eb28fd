import { EXPORT_FORMATS, exportFormatSchema, type ChangesPack, type ExportPreview } from '../contract/exports';
import type { Core } from '../core/app';
import { need, UsageError, type ParsedCli } from './args';
import { call, type Out } from './out';
import { readJsonFile } from './json-file';

const formats = EXPORT_FORMATS.join('|');

function leftOutLines(p: ExportPreview): string[] {
  return p.leftOut.map(
    (l) =>
      `  LEFT OUT ${l.identity} ${l.name} (${l.kind === 'pending' ? 'Pending' : 'cannot be held by this format'}): ${l.reasons.join('; ')}`,
  );
}

function packText(p: ChangesPack): string {
  const lines = [p.summary];
  for (const s of p.newStarters)
    lines.push(
      `  NEW STARTER ${s.employee.identity} ${s.employee.name}${s.startDate ? `, starts ${s.startDate}` : ''}${s.leaveDate ? `, left ${s.leaveDate}` : ''}`,
      ...s.flags.map((f) => `    ! ${f.message}`),
    );
  for (const l of p.leavers)
    lines.push(`  LEAVER ${l.employee.identity} ${l.employee.name}, left ${l.leaveDate ?? '(no date)'}`);
  for (const c of p.changed) {
    lines.push(`  CHANGED ${c.employee.identity} ${c.employee.name}`);
    for (const f of c.flags) lines.push(`    ! ${f.message}`);
    for (const ch of c.changes) lines.push(`    ${ch.label}: ${ch.from ?? '(blank)'} → ${ch.to ?? '(blank)'}`);
  }
  for (const n of p.noLongerReady)
    lines.push(`  NOT IN THIS EXPORT ${n.employee.identity} ${n.employee.name}: ${n.reason}`);
  return lines.join('\n');
}

/**
 * `export`: the company's Ready employees as a file for its payroll software, written to --out and recorded
 * (when, format, who, how many, SHA-256); `export changes` and `export history` read what is recorded.
 * Pending employees never reach the file: they are listed, with their reasons, on stdout (and in --json).
 */
export async function exportCommand(core: Core, sub: string | undefined, opts: ParsedCli['opts']): Promise<Out> {
  const companyId = need(opts, 'company', 'the company ID (see `companies list`)');
  if (sub === 'changes') {
    const pack = await call(core, 'exports.changes', { companyId });
    return { json: pack, text: packText(pack) };
  }
  if (sub === 'target') {
    // The company's payroll software: shown, or set from a JSON file ({"format": …, "customLayout": {…}, …}).
    const target =
      typeof opts.set === 'string'
        ? await call(core, 'exports.target.set', { companyId, target: readJsonFile(opts.set, 'set') })
        : await call(core, 'exports.target.get', { companyId });
    return {
      json: target,
      text: target
        ? JSON.stringify(target, null, 2)
        : 'No payroll software chosen yet: set it with export target --company ID --set FILE.',
    };
  }
  if (sub === 'history') {
    const rows = await call(core, 'exports.history', { companyId, limit: 1000 });
    return {
      json: rows,
      text:
        rows
          .map(
            (r) =>
              `${r.at}  ${r.format}${r.changesOnly ? ' (changes)' : ''}  ${r.employees} employees, ${r.leftOut} left out  by ${r.user}  ${r.path ?? r.filename}  sha256 ${r.sha256}`,
          )
          .join('\n') || 'No exports yet.',
    };
  }
  if (sub !== undefined)
    throw new UsageError(
      'Use `export --company ID --format FORMAT --out FILE`, `export changes|history|target --company ID`.',
    );
  const format = exportFormatSchema.safeParse(need(opts, 'format', `the payroll software's format: ${formats}`));
  if (!format.success) throw new UsageError(`--format must be one of ${formats}.`);
  const out = need(opts, 'out', 'the file to write, e.g. --out ./acme-brightpay.csv');
  const res = await call(core, 'exports.create', {
    companyId,
    format: format.data,
    changesOnly: opts.changes === true,
    outFile: out,
  });
  const p = res.preview;
  const json = {
    exportId: res.record.id,
    file: res.record.path,
    sha256: res.record.sha256,
    format: p.format,
    changesOnly: p.changesOnly,
    employees: p.included,
    nothingChanged: p.nothingChanged,
    leftOut: p.leftOut.map((l) => ({ identity: l.identity, name: l.name, kind: l.kind, reasons: l.reasons })),
    counts: {
      exported: p.included,
      pending: p.leftOut.filter((l) => l.kind === 'pending').length,
      cannotHold: p.leftOut.filter((l) => l.kind === 'cannotHold').length,
    },
    at: res.record.at,
    user: res.record.user,
  };
  const head = p.nothingChanged
    ? `Nothing has changed since the last export: ${res.record.path} holds the heading row only.`
    : `Wrote ${p.included} ${p.included === 1 ? 'employee' : 'employees'} to ${res.record.path} (${p.formatName}).`;
  const text = [
    head,
    `SHA-256 ${res.record.sha256}`,
    ...(p.leftOut.length ? [`${p.leftOut.length} left out:`, ...leftOutLines(p)] : []),
  ].join('\n');
  return { json, text };
}

/** `report pending`: the Pending list for the client's HR contact, as a PDF or a CSV (by the --out file's ending). */
export async function reportCommand(core: Core, sub: string | undefined, opts: ParsedCli['opts']): Promise<Out> {
  if (sub !== 'pending') throw new UsageError('Use `report pending --company ID --out FILE.pdf` (or FILE.csv).');
  const companyId = need(opts, 'company', 'the company ID (see `companies list`)');
  const out = need(opts, 'out', 'the file to write: FILE.pdf or FILE.csv');
  const ext = /\.(pdf|csv)$/i.exec(out)?.[1]?.toLowerCase();
  if (ext !== 'pdf' && ext !== 'csv')
    throw new UsageError(`--out ${out}: end the file name with .pdf or .csv to choose the report's format.`);
  const r = await call(core, 'reports.pending', { companyId, format: ext, outFile: out });
  return {
    json: { file: r.path, format: ext, pending: r.pending, warnings: r.warnings },
    text: `Wrote ${r.path}: ${r.pending} Pending ${r.pending === 1 ? 'employee' : 'employees'}${r.warnings ? `, ${r.warnings} with warnings` : ''}.`,
  };
}
