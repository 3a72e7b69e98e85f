import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import pluginQuery from '@tanstack/eslint-plugin-query';

// The layering rules of ARCHITECTURE.md, enforced rather than hoped for.
const noServer = {
  group: ['@/server', '@/server/*', '**/server/*'],
  message: 'server/ is Node-only: reach it through an API route.',
};
const noKafkajs = { name: 'kafkajs', message: 'Only server/kafka talks to kafkajs.' };
const noKafkajsDeep = { group: ['kafkajs/*'], message: 'Only server/kafka talks to kafkajs.' };
const noKafkaInside = {
  group: ['@/server/kafka/*'],
  message: 'Reach Kafka through its one door, @/server/kafka (the gateway): its folders are its own.',
};
// The gateway sits at the bottom: it knows its configuration, never the layers that call it.
const gatewayOutward = {
  group: [
    '@/server/http',
    '@/server/http/*',
    '@/server/ops',
    '@/server/ops/*',
    '@/server/services',
    '@/server/services/*',
    '@/server/auth',
    '@/server/auth/*',
    '@/lib/schemas',
    '@/lib/schemas/*',
  ],
  message:
    'server/kafka imports nothing from server/http, server/ops, server/services, server/auth or lib/schemas: it returns its own types and throws KafkaError.',
};
// Server components (pages and layouts) read their first data as route handlers do: through the
// page-side checks of server/http/prefetch.ts and the services, nothing else of server/. A client page
// importing them fails the build (every server module imports 'server-only').
const serverPage = {
  regex: String.raw`^(@/|(\.\./)+)server(?!/http/prefetch$|/services/[\w-]+(/[\w-]+)?$|/auth/login$)(/.*)?$`,
  message:
    'A page or layout reaches server/ only through server/http/prefetch (the session and cluster checks), the services and describeSession.',
};
const noComponents = { group: ['@/components', '@/components/*'], message: 'lib/ is below components/.' };
const noHttp = {
  group: ['@/server/http/*', '!@/server/http/app-error'],
  message: 'server/http builds on server/auth, never the other way round (AppError aside).',
};

const config = [
  {
    ignores: [
      '.next/**',
      '.kafka/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  ...pluginQuery.configs['flat/recommended'],
  {
    rules: {
      'no-restricted-imports': ['error', { paths: [noKafkajs], patterns: [noKafkajsDeep, noKafkaInside] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Dev tooling, benchmarks and tests act as outside clients (producers, consumers) and may use
    // kafkajs directly; a test may reach into the gateway to provoke what it tests.
    files: ['dev/**', 'bench/**', '**/*.test.ts', 'e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['server/kafka/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [gatewayOutward] }] },
  },
  {
    files: ['components/**', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noKafkajs], patterns: [noKafkajsDeep, noServer] }],
    },
  },
  {
    files: ['app/**/page.tsx', 'app/**/layout.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noKafkajs], patterns: [noKafkajsDeep, serverPage] }],
    },
  },
  {
    // Tests drive the product from outside: real Kafka clients yes, the server's modules no.
    files: ['e2e/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer] }] },
  },
  {
    files: ['server/auth/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noKafkajs], patterns: [noKafkajsDeep, noHttp, noKafkaInside] },
      ],
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noKafkajs], patterns: [noKafkajsDeep, noServer, noComponents] },
      ],
    },
  },
];

export default config;
