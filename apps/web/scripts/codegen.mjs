// The console's typed GraphQL documents, generated from the API's schema.
//
//   node apps/web/scripts/codegen.mjs          writes apps/web/schema.graphql and apps/web/src/gql/
//   node apps/web/scripts/codegen.mjs --check  fails (exit 1) when either is not what the code gives
//
// The schema comes from the code-first resolvers (apps/api/src/print-schema.ts),
// compiled into a private folder under .tmp: no database, no server.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(WEB, '..', '..');
const SCHEMA_FILE = join(WEB, 'schema.graphql');
const OUTPUT_DIR = join(WEB, 'src', 'gql');
const check = process.argv.includes('--check');

function currentSchema() {
  const build = join(ROOT, '.tmp', `schema-build-${process.pid}`);
  try {
    const swc = join(ROOT, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
    execFileSync(process.execPath, [swc, 'apps/api', 'apps/worker', 'libs', '-d', build, '--quiet'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const out = join(build, 'schema.graphql');
    execFileSync(process.execPath, [join(build, 'apps/api/src/print-schema.js'), out], { cwd: ROOT, stdio: 'inherit' });
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

async function generatedFiles(schemaFile) {
  const outputs = await generate(
    {
      schema: schemaFile,
      documents: [join(WEB, 'src/modules/**/graphql/*.ts')],
      ignoreNoDocuments: true,
      silent: true,
      generates: {
        [`${OUTPUT_DIR}/`]: {
          preset: 'client',
          presetConfig: { fragmentMasking: false },
          config: {
            enumsAsTypes: true,
            useTypeImports: true,
            avoidOptionals: { field: true, inputValue: false },
            defaultScalarType: 'unknown',
            scalars: { DateTime: 'string' },
            nonOptionalTypename: false,
            skipTypename: false,
          },
        },
      },
    },
    false,
  );
  return new Map(outputs.map((file) => [file.filename, file.content]));
}

const schema = currentSchema();
let stale = [];
if (check) {
  if (!existsSync(SCHEMA_FILE) || readFileSync(SCHEMA_FILE, 'utf8') !== schema) stale.push(relative(ROOT, SCHEMA_FILE));
}
// Types are generated from the schema the code gives, so a stale schema file cannot hide stale types.
const tmpSchema = join(ROOT, '.tmp', `schema-${process.pid}.graphql`);
mkdirSync(dirname(tmpSchema), { recursive: true });
writeFileSync(tmpSchema, schema);
let files;
try {
  files = await generatedFiles(tmpSchema);
} finally {
  rmSync(tmpSchema, { force: true });
}
const onDisk = existsSync(OUTPUT_DIR) ? readdirSync(OUTPUT_DIR).map((name) => join(OUTPUT_DIR, name)) : [];

if (check) {
  for (const [file, content] of files) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(relative(ROOT, file));
  }
  for (const file of onDisk) if (!files.has(file)) stale.push(`${relative(ROOT, file)} (no longer generated)`);
  if (stale.length > 0) {
    console.error(`The committed GraphQL schema or generated types are out of date:\n  ${stale.join('\n  ')}`);
    console.error('Run `npm run codegen` and commit the result.');
    process.exit(1);
  }
  console.log('GraphQL schema and generated types are current.');
} else {
  writeFileSync(SCHEMA_FILE, schema);
  for (const file of onDisk) if (!files.has(file)) rmSync(file);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [file, content] of files) writeFileSync(file, content);
  console.log(`Wrote ${relative(ROOT, SCHEMA_FILE)} and ${files.size} files in ${relative(ROOT, OUTPUT_DIR)}/`);
}
