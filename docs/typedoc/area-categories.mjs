// TypeDoc plugin: each export of an entry point goes into the category of the src/ area that
// declares it (the first folder under src/), so the API site groups by area without a
// hand-kept @category tag on every symbol. An explicit @category tag still wins.
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

/** Area folder -> category title, in the order the site lists them. */
export const AREA_CATEGORIES = {
  pipeline: 'Pipeline',
  transactions: 'Input',
  io: 'Input',
  time: 'Time',
  summary: 'Summaries',
  rfm: 'RFM',
  tiers: 'Tiers',
  loyalty: 'Loyalty',
  models: 'Models',
  clv: 'CLV',
  simulate: 'Simulation',
  sql: 'SQL',
  charts: 'Charts',
  report: 'Report',
  errors: 'Errors',
  math: 'Math',
  duckdb: 'DuckDB',
};

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.parent?.kindOf(ReflectionKind.Project | ReflectionKind.Module)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName.replaceAll('\\', '/');
    const area = file?.match(/\/src\/([^/]+)\//)?.[1];
    const title = area === undefined ? undefined : AREA_CATEGORIES[area];
    if (title === undefined) return;
    reflection.comment ??= new Comment();
    if (reflection.comment.getTag('@category') !== undefined) return;
    reflection.comment.blockTags.push(new CommentTag('@category', [{ kind: 'text', text: title }]));
  });
}
