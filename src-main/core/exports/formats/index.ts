import type { ExportFormat } from '../../../contract/exports';
import { brightpay } from './brightpay';
import { custom } from './custom';
import { full } from './full';
import { sage50 } from './sage50';
import { staffology } from './staffology';
import type { PayrollFormat } from './types';

export const FORMATS: Record<ExportFormat, PayrollFormat> = { brightpay, sage50, staffology, custom, full };
export type { FormatContext, PayrollFormat } from './types';
