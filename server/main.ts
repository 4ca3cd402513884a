import { buildApp } from './app.ts';
import { startBackground } from './background.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db.ts';
import { pruneSessions } from './platform/sessions.ts';
import { seedDemo } from './seed/demo.ts';
import { seedDemoCases } from './seed/demo-cases.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.LOOPEN_DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  await database.migrate();
  // The example reports come with the demo's first seeding only, never again on a restart.
  if (config.LOOPEN_DEMO && (await seedDemo(database.db, { password: config.LOOPEN_DEMO_PASSWORD })))
    await seedDemoCases(database.db);
  const sessionPolicy = {
    idleMinutes: config.LOOPEN_SESSION_IDLE_MINUTES,
    maxHours: config.LOOPEN_SESSION_MAX_HOURS,
  };
  await pruneSessions(database.db, sessionPolicy);
  const prune = setInterval(() => {
    pruneSessions(database.db, sessionPolicy).catch(() => {});
  }, 3600_000);
  prune.unref();

  const app = await buildApp({ config, database });
  // Jobs, e-mail and deadline checks; stopped before the database closes.
  const background = await startBackground({ config, database, log: app.log });
  // A terminal's Ctrl-C reaches both npm start's launcher and this process, so a signal can come
  // twice: shut down once, and never let the second one kill the process before PGlite is closed.
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await background.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ database: database.kind, port: config.PORT }, 'Loopen is ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
