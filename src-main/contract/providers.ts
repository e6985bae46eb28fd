import { z } from 'zod';

/** The HR systems the app connects to. `demo` is the built-in demo company (a local fake HR server). */
export const PROVIDERS = ['personio', 'humaans', 'peoplehr', 'demo'] as const;
export const providerSchema = z.enum(PROVIDERS);
export type Provider = z.infer<typeof providerSchema>;
export type RealProvider = Exclude<Provider, 'demo'>;

export const PROVIDER_NAMES: Record<Provider, string> = {
  personio: 'Personio',
  humaans: 'Humaans',
  peoplehr: 'PeopleHR',
  demo: 'Demo HR (built-in)',
};

export const FIELD_TYPES = ['text', 'date', 'number', 'boolean', 'list'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One entry of an HR system's field catalogue, keyed as in docs/hris/README.md. */
export interface FieldInfo {
  key: string;
  label: string;
  type: FieldType;
  /** A value the HR system actually holds, to help the user recognise the field. */
  sample: string | null;
  custom: boolean;
}

/** Credentials as the user pastes them; only ever travel renderer → core, never back. */
export const credentialsSchema = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('personio'),
    clientId: z.string().trim().min(1, 'Enter the client ID'),
    clientSecret: z.string().trim().min(1, 'Enter the client secret'),
  }),
  z.object({ provider: z.literal('humaans'), token: z.string().trim().min(1, 'Enter the API access token') }),
  z.object({ provider: z.literal('peoplehr'), apiKey: z.string().trim().min(1, 'Enter the API key') }),
  z.object({ provider: z.literal('demo') }),
]);
export type Credentials = z.infer<typeof credentialsSchema>;
