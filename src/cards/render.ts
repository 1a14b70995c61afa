/**
 * Cards are JSON templates in `cards/`, expanded with adaptivecards-templating. Templates are read once and cached.
 * Each template has one builder beside this file (`<template>-card.ts`) that turns domain objects into its data;
 * nothing outside `src/cards/` renders a card (a test holds both).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { Card } from '../core/poster';

/**
 * `cards/` at the project root, found from here whether this runs from `src/` (tests, tsx) or `dist/src/` (npm start).
 */
export const CARDS_DIR = ((): string => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'cards', 'help.json'))) return path.join(dir, 'cards');
  }
  throw new Error(`no cards/ folder above ${__dirname}`);
})();

const cache = new Map<string, Template>();

function loadTemplate(name: string): Template {
  let template = cache.get(name);
  if (!template) {
    template = new Template(JSON.parse(fs.readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    cache.set(name, template);
  }
  return template;
}

export function renderCard(name: string, data: object): Card {
  return loadTemplate(name).expand({ $root: data }) as Card;
}
