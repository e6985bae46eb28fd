// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with one.
let londonFormat: Intl.DateTimeFormat | undefined;

/** Today's calendar date in the UK ('YYYY-MM-DD'): payroll dates are UK dates whatever the machine's zone. */
export function londonDate(d: Date): string {
  londonFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = londonFormat.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
