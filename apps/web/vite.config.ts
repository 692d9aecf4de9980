import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Where `npm run dev:web` sends /graphql (HTTP and the graphql-ws websocket). */
const API = 'http://localhost:3000';

/** The budget of issue 12: the JavaScript for the first screen, gzipped. */
const FIRST_SCREEN_BUDGET_KB = 300;

interface ChunkInfo {
  code: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId?: string | null;
  moduleIds: string[];
}

/**
 * Prints (and writes to dist/bundle-size.json) the gzipped JavaScript a
 * browser loads for the first screen: the entry chunk, its static imports,
 * and the lazily loaded route it shows first (sign-in when signed out, the
 * inbox when signed in), each with its own static imports.
 */
function firstScreenSize(): Plugin {
  return {
    name: 'first-screen-size',
    apply: 'build',
    writeBundle(options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') chunks.set(file, output);
      }
      const gz = (file: string) => gzipSync(chunks.get(file)!.code, { level: 9 }).length;
      const closure = (roots: string[]) => {
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file) || !chunks.has(file)) return;
          seen.add(file);
          chunks.get(file)?.imports.forEach(visit);
        };
        roots.forEach(visit);
        return seen;
      };
      const entry = [...chunks].find(([, chunk]) => chunk.isEntry)![0];
      const routeChunk = (page: string) =>
        [...chunks].find(([, chunk]) => chunk.moduleIds.some((id) => id.includes(page)))?.[0];
      const screens = { signIn: 'SignInPage', inbox: 'InboxPage' };
      const figures: Record<string, number> = {};
      for (const [screen, page] of Object.entries(screens)) {
        const route = routeChunk(page);
        const files = closure(route ? [entry, route] : [entry]);
        figures[screen] = Math.round(([...files].reduce((sum, file) => sum + gz(file), 0) / 1024) * 10) / 10;
      }
      const worst = Math.max(...Object.values(figures));
      const verdict = worst <= FIRST_SCREEN_BUDGET_KB ? 'within' : 'OVER';
      console.log(
        `\nfirst-screen JS (gzip): sign-in ${figures.signIn} KB, inbox ${figures.inbox} KB — ${verdict} the ${FIRST_SCREEN_BUDGET_KB} KB budget`,
      );
      writeFileSync(
        join(options.dir!, 'bundle-size.json'),
        JSON.stringify({ firstScreenGzipKb: figures, budgetKb: FIRST_SCREEN_BUDGET_KB }, null, 2),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), firstScreenSize()],
  server: {
    port: 5173,
    proxy: { '/graphql': { target: API, ws: true, changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
});
