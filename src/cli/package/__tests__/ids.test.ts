import { describe, expect, it } from 'vitest';
import { outlookAddinId, teamsAppId, uuidV5 } from '../ids';

describe('uuidV5', () => {
  it('matches the RFC 9562 name-based algorithm (Python uuid5 DNS vector)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('derived ids', () => {
  const client = '3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e7f0a21';

  it('are stable for the same client id, so a re-upload updates the app', () => {
    expect(teamsAppId(client)).toBe(teamsAppId(client));
    expect(outlookAddinId(client)).toBe(outlookAddinId(client));
  });

  it('differ between the Teams app, the add-in and other schools', () => {
    expect(teamsAppId(client)).not.toBe(outlookAddinId(client));
    expect(teamsAppId(client)).not.toBe(teamsAppId('9d4e6f21-3b7c-4a8e-8f1d-2c6b5a4e3d90'));
  });

  it('are version-5 RFC UUIDs', () => {
    expect(teamsAppId(client)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('use the id given in .env when there is one', () => {
    expect(teamsAppId(client, '11111111-2222-4333-8444-555555555555')).toBe('11111111-2222-4333-8444-555555555555');
  });
});
