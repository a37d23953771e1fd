import { renderToStaticMarkup } from 'react-dom/server';
import { NumberField, parseNumber } from '../../../../renderer/editor/elements/fields';

const shown = (value: number | null, unit?: string) =>
  /value="([^"]*)"/.exec(renderToStaticMarkup(<NumberField label="Target" value={value} unit={unit} onChange={() => {}} />))?.[1];

describe('number fields', () => {
  it('show thousands separators and the unit', () => {
    expect(shown(1200000, '$')).toBe('$1,200,000');
    expect(shown(35, '%')).toBe('35%');
    expect(shown(1400, 'leads')).toBe('1,400 leads');
    expect(shown(2500000)).toBe('2,500,000');
    expect(shown(null, '$')).toBe('');
  });

  it('read back what they show, or what a person types', () => {
    expect(parseNumber('$1,200,000', '$')).toBe(1200000);
    expect(parseNumber('35%', '%')).toBe(35);
    expect(parseNumber('1,400 leads', 'leads')).toBe(1400);
    expect(parseNumber('1200000', '$')).toBe(1200000);
    expect(parseNumber('', '$')).toBeNull();
    expect(parseNumber('12 apples', 'leads')).toBeUndefined();
  });
});
