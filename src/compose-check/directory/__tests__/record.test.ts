import { describe, expect, it } from 'vitest';
import { buildSendCheck, extendSendCheck, fitSendCheck, narrowSendCheck, sourceFromSettings, type SendCheckSource } from '../build';
import { addressFalsePositiveRate, parseSendCheck, sendCheckDirectory, type SendCheckData } from '../record';

const KEY = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
const OPTIONS = { id: '20260126T101500Z-ab12', createdAt: '2026-01-26T10:15:00.000Z', key: KEY };

const SOURCE: SendCheckSource = {
  pupils: [
    { name: 'Oliver Bennett', upn: 'K886402120108', email: 'oliver.bennett@pupils.school.example' },
    { name: 'Amelia Hughes', preferredName: 'Millie Hughes', upn: 'Z886402119101' },
    { name: 'Ruby Bennett' },
  ],
  contacts: [
    { email: 'Mark.Bennett@hotmail.co.uk', kind: 'family', pupils: [0, 2] },
    { email: 'sarah.hughes82@gmail.com', kind: 'family', pupils: [1] },
    { email: 'grandad@example.net', kind: 'family', pupils: [] },
  ],
};

function decoded(json: string): SendCheckData {
  const parsed = parseSendCheck(json);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.data;
}

const idOf = (data: SendCheckData, name: string): number => data.roster.findIndex((p) => p.name === name);

describe('the send-check record', () => {
  const data = decoded(buildSendCheck(SOURCE, OPTIONS));
  const dir = sendCheckDirectory(data);

  it('keeps the roster names and preferred names readable, and nothing else about the pupils', () => {
    expect(data.roster.map((p) => p.name).sort()).toEqual(['Amelia Hughes', 'Oliver Bennett', 'Ruby Bennett']);
    expect(data.roster.find((p) => p.name === 'Amelia Hughes')).toEqual({ name: 'Amelia Hughes', preferredName: 'Millie Hughes' });
    expect(data.roster.every((p) => p.upn === undefined && p.email === undefined)).toBe(true);
  });

  it('holds no address, UPN or relationship in clear', () => {
    const json = buildSendCheck(SOURCE, OPTIONS);
    for (const secret of ['bennett@hotmail', 'hotmail', 'sarah.hughes82', 'oliver.bennett@', 'K886402120108', 'Z886402119101', 'Parent', 'Carer', 'grandad']) {
      expect(json.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });

  it('tells family contacts from pupils from everyone else, whatever the case of the address', () => {
    expect(dir.match('mark.bennett@HOTMAIL.co.uk ')).toEqual({ family: true, pupil: false });
    expect(dir.match('oliver.bennett@pupils.school.example')).toEqual({ family: false, pupil: true });
    expect(dir.match('grandad@example.net')).toEqual({ family: true, pupil: false });
    expect(dir.match('someone.random@gmail.com')).toEqual({ family: false, pupil: false });
  });

  it('answers whose contact an address is, by roster id', () => {
    const oliver = idOf(data, 'Oliver Bennett');
    const ruby = idOf(data, 'Ruby Bennett');
    const amelia = idOf(data, 'Amelia Hughes');
    expect(dir.linkedPupils('mark.bennett@hotmail.co.uk')).toEqual([oliver, ruby].sort());
    expect(dir.isLinked('mark.bennett@hotmail.co.uk', amelia)).toBe(false);
    expect(dir.isLinked('sarah.hughes82@gmail.com', amelia)).toBe(true);
    expect(dir.linkedPupils('oliver.bennett@pupils.school.example')).toEqual([oliver]);
    // A family contact of a pupil not on the roster is known, and linked to nobody.
    expect(dir.linkedPupils('grandad@example.net')).toEqual([]);
  });

  it('finds a roster pupil by UPN fingerprint, in either case', () => {
    expect(dir.pupilsWithUpn('k886402120108')).toEqual([idOf(data, 'Oliver Bennett')]);
    expect(dir.pupilsWithUpn('B801200005001')).toEqual([]);
  });

  it('fingerprints differently under another key, so snapshots cannot be joined', () => {
    const other = decoded(buildSendCheck(SOURCE, { ...OPTIONS, key: Uint8Array.from({ length: 16 }, () => 7) }));
    expect(new Set(other.entries.map((e) => e.fp))).not.toEqual(new Set(data.entries.map((e) => e.fp)));
    expect(sendCheckDirectory(other).match('mark.bennett@hotmail.co.uk').family).toBe(true);
  });

  it('narrows to fewer bits and still knows every contact', () => {
    const narrow = decoded(narrowSendCheck(data, 16, 0));
    const nd = sendCheckDirectory(narrow);
    expect(narrow.bits).toBe(16);
    expect(nd.match('sarah.hughes82@gmail.com').family).toBe(true);
    expect(nd.linkedPupils('mark.bennett@hotmail.co.uk')).toEqual(dir.linkedPupils('mark.bennett@hotmail.co.uk'));
    expect(nd.pupilsWithUpn('K886402120108')).toEqual([]);
    expect(() => narrowSendCheck(narrow, 20, 0)).toThrow(/cannot widen/);
  });

  it('has the false-positive rate it states: distinct fingerprints over 2^bits', () => {
    // 3,000 contacts at 12 bits: about 52% of random addresses would look known.
    const many: SendCheckSource = { pupils: [], contacts: Array.from({ length: 3000 }, (_, i) => ({ email: `parent${i}@example.com`, kind: 'family' as const, pupils: [] })) };
    const narrow = decoded(narrowSendCheck(decoded(buildSendCheck(many, OPTIONS)), 12, 0));
    const stated = addressFalsePositiveRate(narrow);
    const nd = sendCheckDirectory(narrow);
    let hits = 0;
    const trials = 4000;
    for (let i = 0; i < trials; i++) if (nd.match(`stranger${i}@elsewhere.org`).family) hits++;
    expect(stated).toBeGreaterThan(0.4);
    expect(Math.abs(hits / trials - stated)).toBeLessThan(0.03);
    // At the full 32 bits the same set is practically exact.
    expect(addressFalsePositiveRate(decoded(buildSendCheck(many, OPTIONS)))).toBeLessThan(1e-6);
  });

  it('fits a budget by narrowing, widest first', () => {
    const full = buildSendCheck(SOURCE, OPTIONS);
    const fitted = fitSendCheck(data, (json) => json.length < full.length - 10);
    expect(fitted && fitted.json.length < full.length - 10).toBe(true);
    expect(fitted?.upnBits).toBeLessThan(32);
    expect(fitSendCheck(data, () => false)).toBeUndefined();
  });

  it('takes in contacts still kept in clear settings, under its own key, without repeating a pupil', () => {
    const extra = sourceFromSettings({
      pupils: [{ name: 'Ruby  Bennett', email: 'ruby.b@pupils.school.example' }, { name: 'Noah Clarke' }],
      parentContacts: [{ email: 'noah.dad@yahoo.co.uk', pupil: 'noah clarke' }],
    });
    const merged = decoded(extendSendCheck(data, extra));
    const md = sendCheckDirectory(merged);
    expect(merged.roster.map((p) => p.name).sort()).toEqual(['Amelia Hughes', 'Noah Clarke', 'Oliver Bennett', 'Ruby Bennett']);
    expect(md.linkedPupils('ruby.b@pupils.school.example')).toEqual([idOf(merged, 'Ruby Bennett')]);
    expect(md.linkedPupils('noah.dad@yahoo.co.uk')).toEqual([idOf(merged, 'Noah Clarke')]);
    expect(md.match('mark.bennett@hotmail.co.uk').family).toBe(true);
  });

  it('refuses records it cannot read, saying why', () => {
    const good = JSON.parse(buildSendCheck(SOURCE, OPTIONS)) as Record<string, unknown>;
    expect(parseSendCheck('{')).toEqual({ ok: false, problem: 'the send-check record is not JSON' });
    expect(parseSendCheck(JSON.stringify({ ...good, version: 2 }))).toEqual({ ok: false, problem: 'unknown send-check record version 2' });
    expect(parseSendCheck(JSON.stringify({ ...good, bits: 40 }))).toMatchObject({ ok: false, problem: /widths/ });
    expect(parseSendCheck(JSON.stringify({ ...good, pupils: 4 }))).toMatchObject({ ok: false, problem: /corrupt: the roster has 3 names for 4 pupils/ });
    expect(parseSendCheck(JSON.stringify({ ...good, links: 'AAAA' }))).toMatchObject({ ok: false, problem: /corrupt/ });
  });
});
