// Before packaging: start from an empty dist/ so files of deleted or renamed sources cannot ship.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
