import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const apiTarget = process.env.LOOPEN_API_URL ?? 'http://localhost:3000';

// The web app lives in web/; the server serves the build from dist/web with an SPA fallback.
export default defineConfig({
  root: here('./web'),
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    // The server's CSP forbids inline scripts and styles: keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // Designsystemet's React package declares no "sideEffects", so its barrel would pull in every
        // component (Combobox, floating-ui, virtualisation) for a page that shows one button. Its
        // modules only define components; the web-component package it imports keeps its side effects.
        moduleSideEffects: [
          { test: /[\\/]@digdir[\\/]designsystemet-react[\\/].*\.js$/, sideEffects: false },
        ],
      },
      output: {
        // Named vendor chunks that change rarely, so browsers keep them cached between releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/,
              priority: 30,
            },
            {
              name: 'designsystemet',
              test: /[\\/]node_modules[\\/](@digdir|@floating-ui|@u-elements|@radix-ui)[\\/]/,
              priority: 20,
            },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 20 },
            // Charts: only the statistics page imports them, so no other page downloads them.
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            // The rich-text editor (Tiptap, ProseMirror): only the document editor imports it.
            {
              name: 'editor',
              test: /[\\/]node_modules[\\/](@tiptap|prosemirror-[a-z-]+|linkifyjs|orderedmap|rope-sequence|w3c-keyname|fast-equals)[\\/]/,
              priority: 20,
            },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev`: Vite on 5173 (README), the API on 3000; both can be moved with these variables.
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
    },
  },
});
