import { describe, expect, it } from 'vitest';
import { parseHideForm, ratingsActionUrl, ratingsListUrl } from './moderation-form';

const formOf = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.append(name, value);
  return form;
};

describe('parseHideForm', () => {
  it('keeps the reason with its whitespace collapsed', () => {
    expect(parseHideForm(formOf({ ratingId: '42', reason: '  Lời lẽ   xúc phạm\ncán bộ ' }))).toEqual({
      ratingId: '42',
      reason: 'Lời lẽ xúc phạm cán bộ',
      errors: {},
    });
  });

  it('asks for a reason, and refuses one over 500 characters, saying how long it is', () => {
    expect(parseHideForm(formOf({ ratingId: '42', reason: '   ' })).errors).toEqual({
      reason: 'Vui lòng ghi lý do ẩn bình luận (được lưu vào nhật ký thay đổi).',
    });
    expect(parseHideForm(formOf({ ratingId: '42', reason: 'x'.repeat(501) })).errors).toEqual({
      reason: 'Lý do dài tối đa 500 ký tự (hiện có 501).',
    });
    expect(parseHideForm(formOf({ ratingId: '42', reason: 'x'.repeat(500) })).errors).toEqual({});
  });

  it('a rating id that is not a number concerns the form as a whole', () => {
    expect(parseHideForm(formOf({ ratingId: '4 OR 1=1', reason: 'Spam' })).errors).toEqual({
      '': 'Không xác định được đánh giá cần ẩn bình luận.',
    });
  });
});

describe('ratingsListUrl', () => {
  it('keeps the filters and the page, drops the action and the rest, and sets what is asked', () => {
    const url = new URL(
      'http://admin.test/ratings?/hide&agency=22870&level=DISSATISFIED&page=2&after=abc&hide=7&msg=x',
    );
    expect(ratingsListUrl(url, { msg: 'hidden' })).toBe(
      '/ratings?agency=22870&level=DISSATISFIED&page=2&after=abc&msg=hidden',
    );
    expect(ratingsListUrl(new URL('http://admin.test/ratings'))).toBe('/ratings');
  });
});

describe('ratingsActionUrl', () => {
  it('names the action first, then the list parameters, so a page without JavaScript keeps its filters', () => {
    const url = new URL('http://admin.test/ratings?hidden=true&hide=7');
    expect(ratingsActionUrl('restore', url)).toBe('?/restore&hidden=true');
    expect(ratingsActionUrl('hide', new URL('http://admin.test/ratings'))).toBe('?/hide');
  });
});
