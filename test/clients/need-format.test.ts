// The German phrases the widget and the dashboard build from a need's numbers.
import { filledText, isUrgent, missingText } from '../../src/clients/shared/need-format';

describe('missingText', () => {
  test.each([
    [{ kind: 'HELPERS', unit: null, quantity: 6, remainingQuantity: 3 }, 'noch 3 von 6 Helfern'],
    [
      { kind: 'EQUIPMENT', unit: 'Zelte', quantity: 4, remainingQuantity: 4 },
      'noch 4 von 4 Zelten',
    ],
    [
      { kind: 'FUNDING', unit: 'EUR', quantity: 6000, remainingQuantity: 3000 },
      'noch 3000 von 6000 EUR',
    ],
    [{ kind: 'BOARD_POSITION', unit: null, quantity: 1, remainingQuantity: 1 }, 'noch 1 von 1'],
  ] as const)('%j reads "%s"', (need, text) => expect(missingText(need)).toBe(text));
});

describe('filledText', () => {
  test.each([
    [{ kind: 'BOARD_POSITION', unit: null, quantity: 1 }, 'zugesagt'],
    [{ kind: 'HELPERS', unit: null, quantity: 4 }, 'alle 4 Helfer zugesagt'],
    [{ kind: 'HELPERS', unit: 'Personen', quantity: 12 }, 'alle 12 Personen zugesagt'],
    [{ kind: 'EQUIPMENT', unit: '  ', quantity: 3 }, 'alle 3 zugesagt'],
  ] as const)('%j reads "%s"', (need, text) => expect(filledText(need)).toBe(text));
});

describe('isUrgent', () => {
  const base = { urgency: 'HIGH', status: 'OPEN', remainingQuantity: 2 } as const;
  test('an open HIGH need with something missing is urgent', () => {
    expect(isUrgent(base)).toBe(true);
  });
  test.each([
    [{ ...base, urgency: 'NORMAL' }],
    [{ ...base, remainingQuantity: 0 }],
    [{ ...base, status: 'FILLED', remainingQuantity: 0 }],
    [{ ...base, status: 'CLOSED' }],
    [{ ...base, status: 'EXPIRED' }],
  ] as const)('%j is not', (need) => expect(isUrgent(need)).toBe(false));
});
