import { describe, expect, it } from 'vitest';
import { taskFilterInput, taskListFilterFrom } from './list-filter';

describe('reform task list filter', () => {
  it('reads the URL and drops what is not valid', () => {
    const filter = taskListFilterFrom(
      new URLSearchParams('agency=22870&year=2026&status=DONE&standing=overdue&q=%20số%20%20hóa%20'),
    );
    expect(filter).toEqual({
      agencyCode: '22870',
      year: '2026',
      status: 'DONE',
      standing: 'overdue',
      search: 'số hóa',
    });
    expect(taskListFilterFrom(new URLSearchParams('agency=<x>&year=26&status=LATE&standing=soon'))).toEqual({
      agencyCode: '',
      year: '',
      status: '',
      standing: '',
      search: '',
    });
  });

  it('asks the API for overdue or due-soon tasks', () => {
    const base = taskListFilterFrom(new URLSearchParams());
    expect(taskFilterInput(base)).toBeNull();
    expect(taskFilterInput({ ...base, standing: 'dueSoon', year: '2026' })).toEqual({
      year: 2026,
      dueSoon: true,
    });
    expect(taskFilterInput({ ...base, standing: 'overdue' })).toEqual({ overdue: true });
  });
});
