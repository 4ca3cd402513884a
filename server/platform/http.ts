import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import client from 'prom-client';
import { type Actor, hasRole, type RoleName } from './access.ts';
import type { AuditContext } from './audit.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db.ts';
import { AppError } from './errors.ts';
import { defaultLang, isLang, type Lang, langFromAcceptLanguage } from './i18n.ts';
import { sendProblem, toAppError, validatorCompiler } from './problems.ts';
import { CSRF_COOKIE, CSRF_HEADER, findSession, newToken, SESSION_COOKIE } from './sessions.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Who may call a route at all, declared on every API route as `config: { access }`. The platform
 * checks it before the body is even read; a route without a declaration answers 403 to everyone
 * (deny by default). Finer, data-dependent rules (which units) live in each module's policy.ts.
 */
export type RouteAccess = 'public' | 'signedIn' | readonly RoleName[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
    csrfToken: string;
  }
}

export const LANG_COOKIE = 'loopen_lang';

/** What the platform needs from the organisation module, wired in app.ts (the platform imports no module). */
export type ActorLoader = (db: Db, personId: string, sessionId: string) => Promise<Actor | null>;

export interface PlatformOptions {
  config: Config;
  database: Database;
  loadActor: ActorLoader;
  logger?: boolean;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  return {
    actorId: request.actor?.personId ?? null,
    actorName: request.actor?.name ?? null,
    requestId: request.id,
  };
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(config: Config, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure: config.LOOPEN_COOKIE_SECURE };
}

/** Builds the Fastify instance with everything every module relies on. */
export async function createPlatform(options: PlatformOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL },
    // Our own id for every request: it is what audit rows and support references quote, so a caller
    // must not choose it. A caller's X-Request-Id is logged beside it (see the onRequest hook).
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    // Only behind a known number of proxies may X-Forwarded-For name the client (rate limits key on it).
    // (Fastify takes a hop count at run time; its types list only the function form, so wrap it.)
    trustProxy:
      config.LOOPEN_TRUST_PROXY_HOPS > 0 ? (_address, hop) => hop < config.LOOPEN_TRUST_PROXY_HOPS : false,
    routerOptions: { maxParamLength: 200 },
    // What the router refuses before any hook runs (a broken %-escape, a path segment longer than
    // maxParamLength) is answered as problem+json like every other error, not as Fastify's own JSON.
    frameworkErrors: (error, request, reply) => {
      request.lang = langFromAcceptLanguage(request.headers['accept-language']) ?? defaultLang;
      return sendProblem(request, reply, toAppError(error, request));
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Deny by default, enforced when the app is built: an API route that does not say who may call it
  // cannot be registered at all.
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/') || isApiDescription(url)) return;
    if (route.config?.access === undefined) {
      throw new Error(
        `Route ${String(route.method)} ${url} declares no access rule: add config: { access: 'public' | 'signedIn' | [roles] } (see server/platform/http.ts)`,
      );
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', defaultLang);
  app.decorateRequest('csrfToken', '');

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error, request);
    if (appError.kind === 'internal') request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new AppError('error.not_found', 'not_found')),
  );

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Hospitals run intranet installs over plain HTTP too; forcing https there would break them.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    max: config.LOOPEN_RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    errorResponseBuilder: () => new AppError('error.rate_limited', 'too_many_requests'),
    // Only API routes are counted (a page load fetches a dozen static files), by client address: a
    // key the caller can choose (a cookie, a header) would let a flood pick a fresh budget per request.
    allowList: (request) => !isApiRoute(request),
    keyGenerator: (request) => request.ip,
  });

  // The language first, so that every error answer, even the rate limiter's, is in the caller's language.
  app.addHook('onRequest', async (request) => {
    const callerRequestId = request.headers['x-request-id'];
    if (typeof callerRequestId === 'string') {
      request.log = request.log.child({ callerRequestId: callerRequestId.slice(0, 200) });
    }
    const cookieLang = request.cookies[LANG_COOKIE];
    request.lang = isLang(cookieLang)
      ? cookieLang
      : (langFromAcceptLanguage(request.headers['accept-language']) ?? defaultLang);
  });

  // Session, CSRF and route access run after the rate limiter (a route-level onRequest hook), so
  // that unauthenticated floods are counted too, and before the body is parsed.
  app.addHook('preParsing', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const api = isApiRoute(request);
    if (token && api) {
      const policy = {
        idleMinutes: config.LOOPEN_SESSION_IDLE_MINUTES,
        maxHours: config.LOOPEN_SESSION_MAX_HOURS,
      };
      const session = await findSession(database.db, token, policy);
      if (session) {
        request.actor = await options.loadActor(database.db, session.personId, session.id);
        if (request.actor) request.lang = request.actor.language;
      }
    }

    // Double-submit CSRF token: a readable cookie the web client echoes in a header. Every
    // state-changing API request must carry it; SameSite cookies are the second line.
    let csrf = request.cookies[CSRF_COOKIE];
    if (!csrf || !/^[\w-]{20,100}$/.test(csrf)) {
      csrf = newToken();
      reply.setCookie(CSRF_COOKIE, csrf, cookieOptions(config, false));
      request.cookies[CSRF_COOKIE] = undefined;
    }
    request.csrfToken = csrf;
    if (stateChanging.has(request.method) && api) {
      const sent = request.headers[CSRF_HEADER];
      if (!request.cookies[CSRF_COOKIE] || sent !== request.cookies[CSRF_COOKIE]) {
        throw new AppError('auth.csrf_failed', 'forbidden');
      }
    }
    checkRouteAccess(request);
  });

  registerObservability(app, database);
  await registerOpenApi(app);
  return app;
}

/**
 * Whether the request matched an API route. Decided by the matched route's pattern, never by the raw
 * URL: the router decodes '/%61pi/…' to '/api/…', so a check on the URL text could be walked around.
 */
function isApiRoute(request: FastifyRequest): boolean {
  return !request.is404 && (request.routeOptions.url ?? '').startsWith('/api/');
}

/** The API's own description is public, like the health checks outside /api. */
function isApiDescription(url: string): boolean {
  return url === '/api/openapi.json' || url.startsWith('/api/docs');
}

function checkRouteAccess(request: FastifyRequest): void {
  if (!isApiRoute(request) || isApiDescription(request.routeOptions.url ?? '')) return;
  // Every API route has a rule (the onRoute hook refuses one without); a missing one still denies.
  const access = request.routeOptions.config.access ?? [];
  if (access === 'public') return;
  if (!request.actor) throw new AppError('auth.required', 'unauthenticated');
  if (access === 'signedIn') return;
  const actor = request.actor;
  if (!access.some((role) => hasRole(actor, role))) throw new AppError('access.denied', 'forbidden');
}

function registerObservability(app: App, database: Database): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'loopen_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    duration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  const hidden = { hide: true } as const;
  app.get('/health/live', { schema: hidden, config: { rateLimit: false } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: hidden, config: { rateLimit: false } }, async () => {
    try {
      await database.ping();
    } catch {
      throw new AppError('error.unavailable', 'unavailable');
    }
    return { status: 'ok', database: database.kind };
  });
  app.get('/metrics', { schema: hidden, config: { rateLimit: false } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Loopen API',
        version: '0.1.0',
        description:
          'Every state-changing request needs the `x-csrf-token` header equal to the `loopen_csrf` cookie ' +
          "(GET /api/auth/csrf returns it). Errors are RFC 9457 problem+json in the caller's language.",
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
