import { z } from 'zod';

// Every environment variable Loopen reads is declared here, and the README's configuration table
// mirrors this list. A wrong value stops the start with a message that names the variable.
const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOOPEN_DATA_DIR: z.string().min(1).default('./data'),
  LOOPEN_DEMO: booleanFlag.default(true),
  LOOPEN_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('loopen-demo'),
  LOOPEN_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  LOOPEN_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOOPEN_COOKIE_SECURE: booleanFlag.default(false),
  LOOPEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  LOOPEN_LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  LOOPEN_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOOPEN_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOOPEN_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** smtp:// or smtps:// with any credentials; empty turns e-mail off (logged once at start) */
  LOOPEN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  LOOPEN_MAIL_FROM: z.string().min(3).default('Loopen <loopen@localhost>'),
  /** where people reach Loopen: e-mails link to it */
  LOOPEN_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  /** how often the deadline checks (triage and action reminders) run */
  LOOPEN_DEADLINE_CHECK_MINUTES: z.coerce.number().int().min(1).max(59).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads and validates configuration; throws ConfigError naming each wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Loopen cannot start: invalid configuration\n${lines.join('\n')}`);
  }
  return parsed.data;
}
