import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { maskUnexpectedErrors } from './graphql-errors.ts';

const logged: unknown[] = [];
const logger = { error: (obj: object) => logged.push(obj) };

describe('maskUnexpectedErrors (subscription events over graphql-ws)', () => {
  it('hides an unexpected error behind "Unexpected error." and logs it', () => {
    const boom = new GraphQLError('connect ECONNREFUSED 10.0.0.5:5432', {
      path: ['statsChanged'],
      originalError: new Error('connect ECONNREFUSED 10.0.0.5:5432'),
    });
    const masked = maskUnexpectedErrors({ data: null, errors: [boom] }, logger);
    expect(masked?.errors?.map((e) => [e.message, e.extensions.code, e.path])).toEqual([
      ['Unexpected error.', 'INTERNAL_SERVER_ERROR', ['statsChanged']],
    ]);
    expect(JSON.stringify(masked)).not.toContain('10.0.0.5');
    expect(logged).toHaveLength(1);
  });

  it('keeps our own errors with their codes, and results without errors as they are', () => {
    const ours = new GraphQLError('Không tìm thấy', {
      originalError: new AppError('NOT_FOUND', 'Không tìm thấy'),
    });
    expect(maskUnexpectedErrors({ data: null, errors: [ours] }, logger)).toBeUndefined();
    expect(maskUnexpectedErrors({ data: { a: 1 } }, logger)).toBeUndefined();
  });

  it('turns a lost database connection into SERVICE_UNAVAILABLE, not a bug report', () => {
    const lost = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const before = logged.length;
    const masked = maskUnexpectedErrors(
      {
        data: null,
        errors: [new GraphQLError(lost.message, { path: ['statsChanged'], originalError: lost })],
      },
      logger,
    );
    expect(masked?.errors?.map((e) => [e.extensions.code, e.path])).toEqual([
      ['SERVICE_UNAVAILABLE', ['statsChanged']],
    ]);
    expect(logged).toHaveLength(before);
  });
});
