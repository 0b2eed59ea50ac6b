// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import april2020 from '../../../assets/policy/2020-04.md?raw';
import { renderPolicyMarkdown } from '../markdown';
import { splitSections } from '../../policy/sections';

function mount(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('renderPolicyMarkdown', () => {
  it('gives every section heading the same anchor as splitSections', () => {
    const { html, toc } = renderPolicyMarkdown(april2020);
    const root = mount(html);
    const ids = splitSections(april2020).map((s) => s.id);
    expect(toc.map((t) => t.id)).toEqual(ids);
    for (const id of ids) expect(root.querySelector(`#${id}`)?.tagName).toMatch(/^H[12]$/);
    expect(toc.find((t) => t.id === 'internet-email')?.text).toBe('Internet / Email');
  });

  it('renders the asterisked footnote marks as text, not emphasis', () => {
    const root = mount(renderPolicyMarkdown(april2020).html);
    expect(root.querySelector('em')).toBeNull();
    expect(root.textContent).toContain('unless the pupil* is your own family member');
  });

  it('drops <script> elements', () => {
    const root = mount(renderPolicyMarkdown('## A\n\n<script>window.pwned = 1</script>\n\nText').html);
    expect(root.querySelector('script')).toBeNull();
    expect(root.textContent).toContain('Text');
  });

  it('strips inline event handlers', () => {
    const root = mount(renderPolicyMarkdown('<img src="x" onerror="alert(1)"> <a href="#a" onclick="alert(2)">a</a>').html);
    const all = [...root.querySelectorAll('*')];
    expect(all.length).toBeGreaterThan(0);
    for (const el of all) for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
  });

  it('makes javascript: links inert, in Markdown and raw HTML, in any case', () => {
    const root = mount(renderPolicyMarkdown('[md](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">html</a> [ok](https://example.org/)').html);
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.filter((h) => h && /javascript:/i.test(h))).toEqual([]);
    expect(hrefs).toContain('https://example.org/');
  });

  it('removes iframes, forms and styles an edited policy might smuggle in', () => {
    const root = mount(renderPolicyMarkdown('<iframe src="https://evil.example"></iframe><form action="x"><input name="p"></form><style>body{display:none}</style>ok').html);
    expect(root.querySelector('iframe, form, input, style')).toBeNull();
  });

  it('drops style, class and id attributes from the policy text, keeping only its own heading anchors', () => {
    const root = mount(renderPolicyMarkdown('## Real heading\n\n<div style="position:fixed;inset:0" class="fui-Dialog" id="signin"><p style="color:red">Sign in again</p></div>\n\n<h2 id="forged">Raw</h2>').html);
    const withAttrs = [...root.querySelectorAll('[style], [class]')];
    expect(withAttrs).toEqual([]);
    expect([...root.querySelectorAll('[id]')].map((e) => e.id)).toEqual(['real-heading']);
    expect(root.textContent).toContain('Sign in again');
  });

  it("gives no id to a raw heading that forges the renderer's mark", () => {
    const root = mount(renderPolicyMarkdown('<h2 data-aup-heading="0000000000000000-0">Forged</h2>\n\n## Genuine').html);
    expect([...root.querySelectorAll('[id]')].map((e) => e.id)).toEqual(['genuine']);
    expect(root.querySelector('[data-aup-heading]')).toBeNull();
  });

  it('shows no images, from Markdown or raw HTML, keeping Markdown alt text as text', () => {
    const root = mount(renderPolicyMarkdown('![Sign in to continue](https://evil.example/login.png) <img src="https://evil.example/x.png"> <svg><rect/></svg> <picture><source srcset="x.png"></picture>').html);
    expect(root.querySelector('img, svg, picture, source')).toBeNull();
    expect(root.textContent).toContain('Sign in to continue');
  });
});
