import { createPayslipService } from '../payslips/service';
import type { CoreContext } from './context';
import type { Handlers } from './types';

/** The payslips.* commands: preview the matches, choose a category, send, retry, and the delivery history. */
export function payslipHandlers(
  ctx: CoreContext,
): Pick<Handlers, 'payslips.categories' | 'payslips.match' | 'payslips.send' | 'payslips.retry' | 'payslips.history'> {
  const service = createPayslipService(ctx, (p) => ctx.emit('payslips.progress', p));
  return {
    'payslips.categories': async ({ companyId }) => service.categories(companyId),
    'payslips.match': async (i) => service.match(i),
    'payslips.send': async (i) => service.send(i),
    'payslips.retry': async ({ companyId, payDate }) => service.retry(companyId, payDate),
    'payslips.history': async ({ companyId, payDate, limit }) => service.history(companyId, payDate, limit),
  };
}
