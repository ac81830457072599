// Issue 13: CSV exports as Czech and Slovak Excel writes them, with the helpdesk's own role values.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvRoles } from '../src/input/importers/csv.js';
import { cli, tempFile as csv } from './helpers.js';

const COLUMNS = ['--csv-columns', 'conversation=ticket,role=sender,text=body'];
const audit = (file: string, ...args: string[]) => cli(['audit', '-f', 'json', '--workers', '0', file, ...COLUMNS, ...args]);

describe('CSV dialects', () => {
  it('finds the separator on the header line, outside quotes', () => {
    expect(detectDelimiter('ticket;sender;body')).toBe(';');
    expect(detectDelimiter('ticket,sender,body')).toBe(',');
    expect(detectDelimiter('ticket\tsender\tbody')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('reads a ";" export from Czech Excel without being told', () => {
    const file = csv(
      'cz.csv',
      'ticket;sender;body\n1;customer;"Kde je můj balík, prosím?"\n1;agent;"Dobrý den, balík dorazí zítra, omlouváme se. S pozdravem Jana"\n',
    );
    const r = audit(file);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).results).toHaveLength(1);
  });

  it('--csv-delimiter overrides the guess; a bad one is a usage error', () => {
    const file = csv('pipes.csv', 'ticket|sender|body\n1|customer|Hi, where is it?\n1|agent|Hi Anna, it arrives tomorrow.\n');
    expect(JSON.parse(audit(file, '--csv-delimiter', '|').stdout).results).toHaveLength(1);
    expect(audit(file, '--csv-delimiter', ';;').code).toBe(2);
  });

  it('--csv-roles maps the helpdesk role values; a bad mapping is a usage error', () => {
    const file = csv('roles.csv', 'ticket,sender,body\n1,Client,"Where is my parcel?"\n1,Staff,"Hi Anna, it arrives tomorrow."\n2,operator,"Hi Tom, done."\n');
    const r = audit(file, '--csv-roles', 'agent=staff,operator;customer=client');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).results).toHaveLength(2);
    expect(parseCsvRoles('agent=staff, Operator ; customer=client').get('operator')).toBe('agent');
    const bad = audit(file, '--csv-roles', 'boss=staff');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--csv-roles: "boss=staff" is not agent=… or customer=…');
  });

  it('a CSV without --csv-columns whose header names no columns: exit 2, saying what to add', () => {
    const file = csv('plain.csv', 'a,b\n1,2\n');
    const r = cli(['audit', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give --csv-columns conversation=…,role=…,text=…');
  });
});
