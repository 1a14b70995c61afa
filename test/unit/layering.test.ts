/**
 * The layering STYLE.md asks for, checked on the source text of `src/`: no import cycles (type-only imports count: a
 * loop of types is still a loop a reader has to walk), botbuilder only at the Teams edge, `@azure/arm-*` only at the
 * Azure edge.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** A module's name relative to `src/`, without `.ts` (`core/types`, `teams/messenger`). */
const name = (file: string) => path.relative(SRC, file).replace(/\.ts$/, '').split(path.sep).join('/');

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

const files = sources(SRC);
const imports = new Map(
  files.map((file) => {
    const specs = [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
    return [name(file), specs] as const;
  }),
);
const graph = new Map(
  files.map(
    (file) =>
      [
        name(file),
        imports
          .get(name(file))!
          .filter((s) => s.startsWith('.'))
          .map((s) => resolve(file, s))
          .filter((f): f is string => !!f)
          .map(name),
      ] as const,
  ),
);

/** Strongly connected components with more than one module (or a module importing itself): the import cycles. */
function cycles(): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

it('src/ has no import cycles', () => {
  expect(cycles()).toEqual([]);
});

it('only the Teams edge imports botbuilder (and the Blob state backend, its storage package)', () => {
  const users = [...imports]
    .filter(([, specs]) => specs.some((s) => s === 'botbuilder' || s.startsWith('botbuilder-')))
    .map(([m]) => m);
  expect(users.filter((m) => !m.startsWith('teams/') && m !== 'state/blob-store')).toEqual([]);
  expect(
    imports
      .get('state/blob-store')!
      .filter((s) => s.startsWith('botbuilder') && !s.startsWith('botbuilder-azure-blobs')),
  ).toEqual([]);
});

it('only the Azure edge imports the ARM SDK clients', () => {
  const users = [...imports].filter(([, specs]) => specs.some((s) => s.startsWith('@azure/arm-'))).map(([m]) => m);
  expect(users.filter((m) => !m.startsWith('azure/'))).toEqual([]);
});

it('every card template in cards/ has its builder in src/cards/<template>-card.ts, and only src/cards/ renders cards', () => {
  const templates = fs
    .readdirSync(path.join(SRC, '..', 'cards'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
  for (const template of templates) {
    const builder = path.join(SRC, 'cards', `${template}-card.ts`);
    expect([
      template,
      fs.existsSync(builder) && fs.readFileSync(builder, 'utf8').includes(`renderCard('${template}'`),
    ]).toEqual([template, true]);
  }
  const renderers = [...imports]
    .filter(([, specs]) => specs.some((s) => s.endsWith('cards/render') || s === './render'))
    .map(([m]) => m);
  expect(renderers.filter((m) => !m.startsWith('cards/'))).toEqual([]);
});
