// Writes lib/data/validators.cjs: the data files' schemas compiled ahead, so that loading a dataset does not compile them.
import fs from 'node:fs';
import {precompiledValidators} from '../lib/data/precompile.js';
import {PRECOMPILED_FILE} from '../lib/data/schemaCheck.js';

fs.writeFileSync(PRECOMPILED_FILE, precompiledValidators());
