import {
  attributes,
  decodeEntities,
  decodeOoxml,
  elements,
  escapeAttr,
  escapeText,
  removeAttribute,
  setAttribute,
} from '../../../src/xlsx/package/xml';

describe('xml', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['bell\u0007', 'bell_x0007_'],
    ['literal _x0041_', 'literal _x005F_x0041_'],
    ['lone \uD800 surrogate', 'lone \uFFFD surrogate'],
    ['pair 😀 kept', 'pair 😀 kept'],
    ['=SUM(A1)', '=SUM(A1)'],
  ])('escapes text %j', (input, out) => {
    expect(escapeText(input)).toBe(out);
  });

  it('round-trips text through the escapes a reader undoes', () => {
    for (const s of ['a\u0001b', 'x _x0041_ y', 'tab\tnew\nline', '"quoted" & \'single\'']) {
      expect(decodeOoxml(decodeEntities(escapeText(s)))).toBe(s);
    }
  });

  it('escapes attribute values, newlines included', () => {
    expect(escapeAttr('a "b"\nc')).toBe('a &quot;b&quot;&#10;c');
  });

  it('finds prefixed and plain elements, self-closing or not', () => {
    const xml = '<x:sheets><x:sheet name="A &amp; B" r:id="rId1"/><sheet name=\'C\'>t</sheet></x:sheets>';
    const found = elements(xml, 'sheet');
    expect(found.map((f) => f.attrs.name)).toEqual(['A & B', 'C']);
    expect(xml.slice(found[1].contentStart, found[1].contentEnd)).toBe('t');
    expect(elements(xml, 'sheets')).toHaveLength(1);
  });

  it('reads attributes with > inside quotes', () => {
    expect(attributes('<a b="x>y" c=\'1\'>')).toEqual({ b: 'x>y', c: '1' });
  });

  it('sets and removes attributes', () => {
    expect(setAttribute('<v a="1"/>', 'a', '2')).toBe('<v a="2"/>');
    expect(setAttribute('<v a="1"/>', 'b', '2')).toBe('<v a="1" b="2"/>');
    expect(removeAttribute('<v tabSelected="1" x="2">', 'tabSelected')).toBe('<v x="2">');
  });
});
