import main from './sv.json';

// Every text of one language in one chunk: the main catalogue, then each feature's part (top-level
// keys of its own), so that the first page waits for one download instead of one per feature.
type Bundle = Record<string, unknown>;
type EagerGlob = (pattern: string, options: { eager: true; import: 'default' }) => Record<string, Bundle>;
const parts = (import.meta as ImportMeta & { glob: EagerGlob }).glob('./parts/*.sv.json', {
  eager: true,
  import: 'default',
});

const bundles: Bundle[] = [main, ...Object.values(parts)];
export default bundles;
