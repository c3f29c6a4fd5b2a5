import { test } from 'node:test';
import assert from 'node:assert/strict';
test('node tests run', () => { const x: number = 1; assert.equal(x, 1); });
