import { describe, expect, it } from 'vitest';
import { STRINGS, surveyMessage } from './strings.ts';

describe('surveyMessage', () => {
  it('says clearly that the survey was already answered, in both languages, not the generic failure', () => {
    const vi = surveyMessage(STRINGS.vi, 'already');
    expect(vi).toContain('đã có câu trả lời khảo sát');
    expect(vi).not.toBe(STRINGS.vi.answersFailed);
    const en = surveyMessage(STRINGS.en, 'already');
    expect(en).toContain('already been answered');
    expect(en).not.toBe(STRINGS.en.answersFailed);
  });

  it('keeps the other results as they were', () => {
    expect(surveyMessage(STRINGS.vi, 'sent')).toBe(STRINGS.vi.answersSent);
    expect(surveyMessage(STRINGS.vi, 'queued')).toBe(STRINGS.vi.answersQueued);
    expect(surveyMessage(STRINGS.en, 'refused')).toBe(STRINGS.en.answersFailed);
  });
});

describe('the English table', () => {
  it('has every key the Vietnamese one has, and no Vietnamese letter', () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.vi).sort());
    const texts = JSON.stringify(STRINGS.en, (_k, v) => (typeof v === 'function' ? v('X', 1) : v));
    expect(texts).not.toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
  });
});
