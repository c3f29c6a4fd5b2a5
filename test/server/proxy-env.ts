/** The proxy fixture with the assertions the browser proxy tests share (chai, so browser-only). */
import { expect } from '@open-wc/testing';
import { ReserveKitError } from '../../src/api/errors';
import type { Reply } from './proxy-fixture';

export * from './proxy-fixture';

export async function rejection(promise: Promise<unknown>): Promise<ReserveKitError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ReserveKitError);
    return error as ReserveKitError;
  }
  throw new Error('expected a rejection');
}

export function expectNoKey(reply: Reply) {
  const where = `${reply.status} ${reply.text}`;
  expect(reply.text, where).not.to.contain('secret');
  reply.headers.forEach((value, name) => expect(`${name}: ${value}`, where).not.to.contain('secret'));
}
