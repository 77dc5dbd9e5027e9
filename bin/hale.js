#!/usr/bin/env node
// The installed `hale` bin: registers the TypeScript loader, then runs the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./hale.ts');
