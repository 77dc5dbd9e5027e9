import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The chat UI: `npm run build:client` writes client/dist/, which `hale start` serves; `npm run dev`
 * serves it with hot reload and sends /api to a running Hale (HALE_DEV_API_URL, default
 * http://127.0.0.1:3000).
 */
export default defineConfig(({ mode }) => {
  const environment = loadEnv(mode, root, 'HALE_');
  const apiUrl = environment.HALE_DEV_API_URL ?? 'http://127.0.0.1:3000';
  return {
    root,
    plugins: [react()],
    // The entry chunk is React, the AI SDK and zod (~150 KB gzip); markdown, SQL formatting and charts load lazily.
    build: { outDir: 'dist', emptyOutDir: true, reportCompressedSize: true, chunkSizeWarningLimit: 600 },
    server: { proxy: { '/api': apiUrl, '/openapi.json': apiUrl, '/readyz': apiUrl } },
  };
});
