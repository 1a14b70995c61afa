/**
 * Every card template, expanded with realistic data in both languages, must be a card Teams renders as written:
 * parsed by the `adaptivecards` library (the renderer Teams' web client uses) without unknown elements, invalid values
 * or duplicate ids, schema 1.5 at most, nothing left unexpanded, well under the message size limit — and every button
 * must reach a handler that accepts its data, while every handler is reachable from some card.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as AdaptiveCards from 'adaptivecards';
import { createActions } from '../../src/actions';
import type { Card } from '../../src/core/poster';
import { CARDS_DIR } from '../../src/cards/render';
import { allCardSamples, type CardSample } from '../support/card-samples';

// The bundle is what runs in Node and in the browser alike (AZURE-FACTS); its types are the package's own.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the UMD bundle has no module entry to import
const AC: typeof AdaptiveCards = require('adaptivecards/dist/adaptivecards.js');

/**
 * The one allow-list: verbs a template may already use while their handler is still being written (the grant.* and
 * protect.* handlers have landed; restore.* and watch.* go here if their templates land first). Remove a verb as soon
 * as its handler is in `createActions`; any other verb without a handler fails this test.
 */
const VERBS_IN_PROGRESS: readonly string[] = [];

/** Teams rejects bot messages over ~100 KB; a card stays far below that so text, mentions and growth fit too. */
const MAX_CARD_BYTES = 28 * 1024;

const actions = createActions(() => {
  throw new Error('the cards test runs no command');
});
const handled = new Map(actions.map((a) => [a.verb, a]));
const templates = fs
  .readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const rawTemplate = (name: string) => JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));

type Json = Record<string, unknown>;

/** Every object in a card tree, skipping action `data` (opaque to the renderer). */
function* walk(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const item of node) yield* walk(item);
  else if (node && typeof node === 'object') {
    yield node as Json;
    for (const [key, value] of Object.entries(node)) if (key !== 'data') yield* walk(value);
  }
}

const executes = (card: unknown) => [...walk(card)].filter((n) => n.type === 'Action.Execute');

/** What the card's inputs send with a click when left at their initial values, as Teams merges them into `data`. */
function inputValues(card: Card): Json {
  return Object.fromEntries(
    [...walk(card)]
      .filter((n) => String(n.type).startsWith('Input.') && n.value !== undefined)
      .map((n) => [n.id as string, n.value]),
  );
}

function parse(card: Card): { events: string[]; version: string } {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) events.push(e.message);
  return { events, version: parsed.version.toString() };
}

function versionAtMost(version: string, max: [number, number]): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major < max[0] || (major === max[0] && minor <= max[1]);
}

let samples: CardSample[] = [];
beforeAll(async () => {
  samples = await allCardSamples();
});

describe('card samples', () => {
  it.each(templates)('cover template %s in English and Japanese', (name) => {
    for (const locale of ['en', 'ja'])
      expect(samples.some((s) => s.template === name && s.locale === locale)).toBe(true);
  });
});

describe.each(['en', 'ja'])('every card in %s', (locale) => {
  const mine = () => samples.filter((s) => s.locale === locale);

  it('parses in adaptivecards 3.0.6 without errors or warnings', () => {
    for (const s of mine()) expect({ id: s.id, events: parse(s.card).events }).toEqual({ id: s.id, events: [] });
  });

  it('targets schema 1.5 at most (what Teams supports for bots)', () => {
    for (const s of mine()) {
      expect({ id: s.id, ok: versionAtMost(String(s.card.version), [1, 5]) }).toEqual({ id: s.id, ok: true });
      expect({ id: s.id, ok: versionAtMost(parse(s.card).version, [1, 5]) }).toEqual({ id: s.id, ok: true });
    }
  });

  it('has no duplicate element or action ids', () => {
    for (const s of mine()) {
      const ids = [...walk(s.card)].map((n) => n.id).filter((id) => id !== undefined);
      expect({ id: s.id, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) }).toEqual({
        id: s.id,
        duplicates: [],
      });
    }
  });

  it('leaves no template expression unexpanded', () => {
    for (const s of mine())
      expect({ id: s.id, leftover: JSON.stringify(s.card).match(/\$\{[^}]*\}?/g) ?? [] }).toEqual({
        id: s.id,
        leftover: [],
      });
  });

  it(`stays under ${MAX_CARD_BYTES / 1024} KB`, () => {
    for (const s of mine())
      expect({ id: s.id, small: Buffer.byteLength(JSON.stringify(s.card)) < MAX_CARD_BYTES }).toEqual({
        id: s.id,
        small: true,
      });
  });

  it('sends every button to a handler that accepts its data', () => {
    for (const s of mine()) {
      for (const action of executes(s.card)) {
        const verb = String(action.verb);
        if (VERBS_IN_PROGRESS.includes(verb) && !handled.has(verb)) continue;
        expect({ id: s.id, verb, handled: handled.has(verb) }).toEqual({ id: s.id, verb, handled: true });
        const data = { ...inputValues(s.card), ...(action.data as Json) };
        expect({ id: s.id, verb, parsed: handled.get(verb)!.parse(data) !== undefined }).toEqual({
          id: s.id,
          verb,
          parsed: true,
        });
      }
    }
  });
});

describe('card verbs and handlers', () => {
  it.each(templates)('template %s uses only handled verbs (or ones in progress), on schema 1.5 at most', (name) => {
    const raw = rawTemplate(name);
    expect(versionAtMost(String(raw.version), [1, 5])).toBe(true);
    for (const action of executes(raw)) {
      const verb = String(action.verb);
      expect(verb).not.toContain('${');
      expect(handled.has(verb) || VERBS_IN_PROGRESS.includes(verb) ? verb : `${verb} (no handler)`).toBe(verb);
    }
  });

  it('every handled verb is used by at least one card', () => {
    const used = new Set(
      [...templates.flatMap((t) => executes(rawTemplate(t))), ...samples.flatMap((s) => executes(s.card))].map((a) =>
        String(a.verb),
      ),
    );
    expect([...handled.keys()].filter((verb) => !used.has(verb))).toEqual([]);
  });

  it('has one handler per verb', () => {
    expect(actions.length).toBe(handled.size);
  });
});
