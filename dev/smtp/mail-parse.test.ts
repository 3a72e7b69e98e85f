import { describe, expect, it } from 'vitest';
import { parseMail } from './mail-parse';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('parseMail', () => {
  it('reads a message that is not MIME: headers unfolded (the white space kept), body as it is', () => {
    const mail = parseMail(
      crlf(['Subject: Lag', ' on', '\torders', 'X-Thing: a', 'x-thing: b', '', 'line 1', 'line 2', '']),
    );
    expect(mail).toEqual({
      headers: { subject: 'Lag on\torders', 'x-thing': 'b' },
      subject: 'Lag on\torders',
      text: 'line 1\nline 2',
    });
  });

  it('decodes encoded words in Q and B, joining adjacent ones', () => {
    const mail = parseMail(
      crlf([
        'Subject: =?UTF-8?Q?Caf=C3=A9_au?= =?utf-8?B?IGxhaXQg4pyT?= and =?ISO-8859-1?Q?cr=E8me?=',
        '',
        'x',
      ]),
    );
    expect(mail.subject).toBe('Café au lait ✓ and crème');
  });

  it('takes the first text/plain part of nested multiparts, in quoted-printable or base64 and its charset', () => {
    const mail = parseMail(
      crlf([
        'Content-Type: multipart/mixed; boundary=outer',
        '',
        'preamble',
        '--outer',
        'Content-Type: multipart/alternative; boundary="inner"',
        '',
        '--inner',
        'Content-Type: text/plain; charset="iso-8859-1"',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Cr=E8me br=FBl=E9e, a long line that is cut =',
        'softly   ',
        '--inner',
        'Content-Type: text/html',
        '',
        '<p>no</p>',
        '--inner--',
        '--outer',
        'Content-Type: text/plain',
        'Content-Disposition: attachment; filename=a.txt',
        '',
        'not this',
        '--outer--',
        '',
      ]),
    );
    expect(mail.text).toBe('Crème brûlée, a long line that is cut softly');
  });

  it('decodes a base64 part and skips attachments', () => {
    const mail = parseMail(
      crlf([
        'Content-Type: multipart/mixed; boundary=b',
        '',
        '--b',
        'Content-Type: text/plain; name=log.txt',
        'Content-Disposition: attachment',
        '',
        'attached',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('Grüße\nzwei')
          .toString('base64')
          .replace(/(.{8})/g, '$1\r\n'),
        '--b--',
      ]),
    );
    expect(mail.text).toBe('Grüße\nzwei');
  });

  it('has no text when the message has no text/plain part', () => {
    expect(parseMail(crlf(['Content-Type: text/html', '', '<p>x</p>'])).text).toBe('');
  });
});
