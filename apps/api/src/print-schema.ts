import { writeFileSync } from 'node:fs';
import { schemaSdl } from './graphql/schema-sdl';

/** `node print-schema.js [file]`: the API's schema SDL to the file, or to stdout. */
schemaSdl()
  .then((sdl) => {
    const file = process.argv[2];
    if (file) writeFileSync(file, sdl);
    else process.stdout.write(sdl);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
