import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Response } from 'express';
import { Public } from '@app/core';

/** GraphiQL's files, served from node_modules so the sandbox works offline. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

// Package `exports` maps hide these files from require.resolve; the package
// root is always reachable through its package.json.
const assetPath = ({ pkg, file }: { pkg: string; file: string }): string =>
  join(dirname(require.resolve(`${pkg}/package.json`)), file);

const ASSET_PATH = '/graphiql';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Partnership platform · GraphiQL</title>
  <link rel="stylesheet" href="${ASSET_PATH}/graphiql.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="${ASSET_PATH}/react.js"></script>
  <script src="${ASSET_PATH}/react-dom.js"></script>
  <script src="${ASSET_PATH}/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
    const defaultQuery = [
      '# 1. Log in (demo users have the password "demo"):',
      'mutation Login { login(email: "pup.caseworker@demo.local", password: "demo") { accessToken expiresAt } }',
      '',
      '# 2. Put {"Authorization": "Bearer <accessToken>"} in the Headers tab, then:',
      'query Me { me { user { displayName email } memberships { role organisationId } organisations { name kind } } }',
      'query Directory { organisations { name kind address { city } services { name capacity } } }',
    ].join('\\n');
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, headerEditorEnabled: true, shouldPersistHeaders: true }),
    );
  </script>
</body>
</html>`;

@Public()
@Controller(ASSET_PATH.slice(1))
export class GraphiqlAssetsController {
  private readonly cache = new Map<string, Buffer>();

  @Get(':file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new NotFoundException();
    let body = this.cache.get(file);
    if (!body) {
      body = readFileSync(assetPath(asset));
      this.cache.set(file, body);
    }
    res.type(asset.type).setHeader('Cache-Control', 'public, max-age=86400').send(body);
  }
}

/** Apollo's landing page, replaced by our offline GraphiQL (browsers GETting /graphql). */
export function graphiqlLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: PAGE };
        },
      };
    },
  };
}
