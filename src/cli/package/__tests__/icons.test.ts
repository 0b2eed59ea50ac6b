import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { parseIconSource, renderAddinIcons, renderIcon } from '../icons';

const source = parseIconSource(await readFile(join(import.meta.dirname, '../../../../assets/icons/icons.json'), 'utf8'));
const pixels = (png: PNG): Array<[number, number, number, number]> =>
  Array.from({ length: png.width * png.height }, (_, i) => [png.data[i * 4]!, png.data[i * 4 + 1]!, png.data[i * 4 + 2]!, png.data[i * 4 + 3]!]);

describe('renderIcon', () => {
  it('draws the outline icon white on transparent, with some of each', () => {
    const png = PNG.sync.read(renderIcon(source, 'outline'));
    const all = pixels(png);
    expect(all.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(all.filter(([, , , a]) => a === 255).length).toBeGreaterThan(50);
    expect(all.filter(([, , , a]) => a === 0).length).toBeGreaterThan(300);
  });

  it('draws the colour icon fully opaque, in the accent colour and white', () => {
    const all = pixels(PNG.sync.read(renderIcon(source, 'color')));
    expect(all.every(([, , , a]) => a === 255)).toBe(true);
    expect(all[0]).toEqual([0x1f, 0x5f, 0x8b, 255]);
    expect(all.some(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
  });

  it('is deterministic, byte for byte', () => {
    expect(renderIcon(source, 'color').equals(renderIcon(source, 'color'))).toBe(true);
  });

  it('draws each add-in icon at its listed size', () => {
    const icons = renderAddinIcons(source);
    expect([...icons.keys()]).toEqual([16, 32, 64, 80, 128]);
    for (const [size, buffer] of icons) expect(PNG.sync.read(buffer)).toMatchObject({ width: size, height: size });
  });
});

describe('parseIconSource', () => {
  it('names the bad field', () => {
    const broken = JSON.parse(JSON.stringify(source)) as { icons: { outline: { size: number } } };
    broken.icons.outline.size = 48;
    expect(() => parseIconSource(JSON.stringify(broken))).toThrow(/icons\.outline\.size/);
  });

  it('refuses a layer that names an unknown path when drawing', () => {
    const broken = { ...source, paths: {} };
    expect(() => renderIcon(broken, 'outline')).toThrow(/unknown path "shield"/);
  });
});
