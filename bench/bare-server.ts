// A bare Fastify 5 server with one route, the baseline for Loopen's own request overhead: what the
// same machine, Node and autocannon manage when a handler does nothing but return JSON.
import Fastify from 'fastify';

// Shaped like GET /api/me; the bench passes Loopen's real answer in BARE_BODY so that the two
// bodies are the same size.
const fallbackBody = {
  person: {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    username: 'admin',
    name: 'Alva Administratör',
    email: 'admin@exempel.example',
    profession: null,
    language: 'sv',
  },
  organisation: { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: 'Exempelregionen', kind: 'region' },
  roles: [
    { role: 'administrator', unitId: '16fd2706-8baf-433b-82eb-8c7fada847da', unitName: 'Exempelregionen' },
  ],
  bodies: [],
  allowedActions: ['administer', 'viewAudit'],
};

const body: unknown = process.env.BARE_BODY ? JSON.parse(process.env.BARE_BODY) : fallbackBody;
const port = Number(process.env.PORT ?? 3399);

const app = Fastify({ logger: false });
app.get('/bare', async () => body);

const shutdown = async (): Promise<void> => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

await app.listen({ port, host: '127.0.0.1' });
