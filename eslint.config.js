import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      // Decorator metadata makes constructor parameter types runtime values (Nest DI needs them).
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
      globals: { process: 'readonly', console: 'readonly', globalThis: 'readonly', setTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/libs/*/src/**', '../../libs/**'],
              message: 'Import another lib through its index: #libs/<name>.',
            },
          ],
        },
      ],
    },
  },
  {
    // Domain rules are plain TypeScript: no framework or ORM in domain/.
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg'],
              message: 'domain/ stays free of Nest, TypeORM and other libs.',
            },
            {
              // A regex: in the gitignore syntax of `group` a leading # starts a comment.
              regex: '^#libs/(?!kernel$)',
              message: 'domain/ imports no lib but the pure #libs/kernel.',
            },
          ],
        },
      ],
    },
  },
  {
    // The kernel is what every domain/ may import, so it imports nothing but itself.
    files: ['libs/kernel/src/**/*.ts'],
    ignores: ['libs/kernel/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\.{1,2}/)', message: 'libs/kernel imports nothing outside itself.' }] },
      ],
    },
  },
);
