import { describe, expect, it } from 'vitest';
import { parseSettings, settingsFieldKey, valuesFrom, valuesFromForm } from './settings-form';

const DEFAULTS = {
  workingHours: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  sameDayCutoff: '15:00',
  comparison: 'DAY',
  evaluationBands: [
    { code: 'EXCELLENT', label: 'Xuất sắc', min: 15, minInclusive: false },
    { code: 'GOOD', label: 'Tốt', min: 12, minInclusive: true },
    { code: 'FAIR', label: 'Khá', min: 9, minInclusive: true },
    { code: 'AVERAGE', label: 'Trung bình', min: 6, minInclusive: true },
    { code: 'POOR', label: 'Yếu', min: 0, minInclusive: true },
  ],
};

describe('settings form', () => {
  it('the settings in force, unchanged, become the same input', () => {
    const values = valuesFrom(DEFAULTS, '2026-12-05');
    const { input } = parseSettings('56', values, '2026-12-04');
    expect(input).toEqual({ agencyCode: '56', effectiveFrom: '2026-12-05', ...DEFAULTS });
  });

  it('reads the posted form: bounds with a decimal comma, an unticked box is false', () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      effectiveFrom: '2027-01-01',
      morningStart: '07:30',
      morningEnd: '11:30',
      afternoonStart: '13:00',
      afternoonEnd: '17:00',
      sameDayCutoff: '16:00',
      comparison: 'INSTANT',
    }))
      form.set(k, v);
    DEFAULTS.evaluationBands.forEach((b, i) => {
      form.set(`evaluationBands.${i}.label`, b.label);
      form.set(`evaluationBands.${i}.min`, i === 1 ? '12,5' : String(b.min));
      if (b.minInclusive) form.set(`evaluationBands.${i}.minInclusive`, 'on');
    });
    const { input } = parseSettings('56', valuesFromForm(form), '2026-12-04');
    expect(input?.workingHours).toEqual([
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(input?.evaluationBands[1]).toEqual({ code: 'GOOD', label: 'Tốt', min: 12.5, minInclusive: true });
    expect(input?.evaluationBands[0]?.minInclusive).toBe(false);
    expect(input?.comparison).toBe('INSTANT');
  });

  it('refuses a day in the past, a time that is not HH:MM and a bound that is not a number', () => {
    const values = {
      ...valuesFrom(DEFAULTS, '2026-12-03'),
      morningEnd: '11h30',
      bands: valuesFrom(DEFAULTS, '2026-12-03').bands.map((b, i) => (i === 2 ? { ...b, min: 'chín' } : b)),
    };
    const { errors } = parseSettings('56', values, '2026-12-04');
    expect(Object.keys(errors ?? {}).sort()).toEqual([
      'effectiveFrom',
      'evaluationBands.2.min',
      'morningEnd',
    ]);
  });

  it('shows the API’s session errors on the morning and afternoon fields', () => {
    expect(settingsFieldKey('workingHours.0.start')).toBe('morningStart');
    expect(settingsFieldKey('workingHours.1.end')).toBe('afternoonEnd');
    expect(settingsFieldKey('evaluationBands.3.min')).toBe('evaluationBands.3.min');
  });
});
