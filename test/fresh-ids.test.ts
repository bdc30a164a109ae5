import { describe, expect, test } from 'vitest';
import { ObjectId } from 'bson';
import { FreshIds } from '../src/engine/embedded-fresh-ids.js';

// Which merges may append without looking their ids up (src/engine/embedded-fresh-ids.ts).
describe('FreshIds', () => {
  const minted = () => [{ _id: new ObjectId(), n: 1 }, { _id: new ObjectId(), n: 2 }];

  test('ids minted by a $out are fresh for every collection but the one holding them', () => {
    const f = new FreshIds();
    const docs = minted();
    f.stored('next', docs, docs);
    expect(f.allFresh('next', docs)).toBe(false);
    expect(f.allFresh('result', docs)).toBe(true);
  });

  test('a copy to another collection (WITH RECURSIVE: next → work) keeps them fresh for a third one', () => {
    const f = new FreshIds();
    const docs = minted();
    f.stored('next', docs, docs);
    f.stored('work', docs, []); // $out of documents that already have their ids
    expect(f.allFresh('work', docs)).toBe(false);
    expect(f.allFresh('result', docs)).toBe(true);
    f.written('result', docs);
    expect(f.allFresh('result', docs)).toBe(false); // merged once: a second merge must match them
  });

  test('a document whose id was not minted, a repeated id, or a newer $out make them not fresh', () => {
    const f = new FreshIds();
    const docs = minted();
    f.stored('next', docs, docs);
    expect(f.allFresh('result', [...docs, { _id: new ObjectId() }])).toBe(false);
    expect(f.allFresh('result', [...docs, docs[0]])).toBe(false);
    expect(f.allFresh('result', [...docs, { _id: 7 }])).toBe(false);
    expect(f.allFresh('result', [{ n: 3 }])).toBe(true); // no _id: the merge mints one
    const later = minted();
    f.stored('other', later, later);
    expect(f.allFresh('result', docs)).toBe(false);
    expect(f.allFresh('result', later)).toBe(true);
  });
});
