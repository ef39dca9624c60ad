import { reachableParts } from '../../../src/xlsx/package/reach';
import { packageOf } from './packageOf';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const rels = (...targets: string[]) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets
    .map((t, i) =>
      t.startsWith('http')
        ? `<Relationship Id="rId${i + 1}" Type="${R}/hyperlink" Target="${t}" TargetMode="External"/>`
        : `<Relationship Id="rId${i + 1}" Type="${R}/x" Target="${t}"/>`,
    )
    .join('')}</Relationships>`;

describe('reachableParts', () => {
  test('follows relationships from the root, through relative and absolute targets, without case', async () => {
    const pkg = await packageOf({
      '_rels/.rels': rels('xl/workbook.xml', 'docProps/core.xml'),
      'xl/workbook.xml': '<workbook/>',
      'xl/_rels/workbook.xml.rels': rels('worksheets/Sheet1.xml', '/xl/styles.xml'),
      'docProps/core.xml': '<core/>',
      'xl/worksheets/sheet1.xml': '<worksheet/>',
      'xl/worksheets/_rels/sheet1.xml.rels': rels('../drawings/drawing1.xml', 'https://example.com', '../missing.xml'),
      'xl/drawings/drawing1.xml': '<wsDr/>',
      'xl/drawings/_rels/drawing1.xml.rels': rels('../media/image1.png', '../../xl/worksheets/sheet1.xml'),
      'xl/media/image1.png': 'png',
      'xl/styles.xml': '<styleSheet/>',
      'xl/orphan.xml': '<orphan/>',
      'xl/_rels/orphan.xml.rels': rels('media/image2.png'),
      'xl/media/image2.png': 'png',
    });
    const all = await reachableParts(pkg);
    expect([...all.values()].sort()).toEqual([
      'docProps/core.xml',
      'xl/drawings/drawing1.xml',
      'xl/media/image1.png',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(all.get('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    const fromSheet = await reachableParts(pkg, ['xl/worksheets/sheet1.xml']);
    // The drawing leads back to the sheet, so the sheet is among what the sheet reaches.
    expect([...fromSheet.values()].sort()).toEqual([
      'xl/drawings/drawing1.xml',
      'xl/media/image1.png',
      'xl/worksheets/sheet1.xml',
    ]);
    expect([...(await reachableParts(pkg, ['xl/orphan.xml'])).values()]).toEqual(['xl/media/image2.png']);
  });

  test('a package with no root relationships reaches nothing', async () => {
    const pkg = await packageOf({ 'xl/workbook.xml': '<workbook/>' });
    expect((await reachableParts(pkg)).size).toBe(0);
  });
});
