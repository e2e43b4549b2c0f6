/** The dependency rules of DESIGN.md, enforced by `npm run check`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports only domain/: never store, web, views, Kysely or Fastify.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^node:'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'actions-not-web-or-views',
      comment: 'actions/ import domain/, store/ and events/; never web/ or views/.',
      severity: 'error',
      from: { path: '^src/actions/' },
      to: { path: ['^src/web/', '^src/views/', 'fastify', 'preact'] },
    },
    {
      name: 'store-not-outward',
      comment:
        'store/ imports domain/ types only; never actions, web, views or events (but the event types, which a transaction records in the event log).',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: ['^src/actions/', '^src/web/', '^src/views/', '^src/events/', '^src/i18n/'], pathNot: ['^src/events/events\\.ts$'] },
    },
    {
      name: 'web-not-store',
      comment: 'web/ goes through actions/, never store/ directly.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: ['^src/store/'] },
    },
    {
      name: 'surfaces-stand-apart',
      comment: 'A surface never imports another surface: what they share lives in web/shared/.',
      severity: 'error',
      from: { path: '^src/web/surfaces/([^/]+)/' },
      to: { path: '^src/web/surfaces/', pathNot: '^src/web/surfaces/$1/' },
    },
    {
      name: 'surfaces-only-from-app',
      comment: 'Only web/app.ts assembles the surfaces: web/cache, web/plugins and web/shared never import one.',
      severity: 'error',
      from: { path: '^src/web/', pathNot: ['^src/web/surfaces/', '^src/web/app\\.ts$'] },
      to: { path: '^src/web/surfaces/' },
    },
    {
      name: 'views-take-data',
      comment: 'views/ import domain/ types and i18n/ only: they never query.',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: ['^src/store/', '^src/actions/', '^src/web/', '^src/events/', 'kysely', 'fastify'] },
    },
    {
      name: 'client-is-small',
      comment: 'client/ imports only pure helpers from domain/shared, domain/body (the editor document) and i18n/.',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: '^src/', pathNot: ['^src/client/', '^src/domain/shared/', '^src/domain/body/', '^src/i18n/'] },
    },
    {
      name: 'migrations-stand-alone',
      comment: 'Migrations import nothing from src/ (only Kysely), so they never change once landed.',
      severity: 'error',
      from: { path: '^src/store/migrations/', pathNot: '^src/store/migrations/index\\.ts$' },
      to: { path: '^src/' , pathNot: '^src/store/migrations/' },
    },
    {
      name: 'media-tools-stand-alone',
      comment: 'media/ (storage, ffmpeg, images) imports only domain/: actions and jobs call it, never the reverse.',
      severity: 'error',
      from: { path: '^src/media/' },
      to: { path: '^src/', pathNot: ['^src/media/', '^src/domain/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
