// Personal webmail providers: mail sent there has left the school's network
// (policy: "removing it from the network is strictly forbidden").

/**
 * Exact domains. Providers with many country domains (hotmail.*, live.*,
 * yahoo.*) are matched by label in `isPersonalWebmail`, so they are listed
 * here only in their common UK/US forms for display and extension.
 */
export const BUILTIN_WEBMAIL_DOMAINS: readonly string[] = [
  'gmail.com', 'googlemail.com',
  'hotmail.com', 'hotmail.co.uk', 'outlook.com', 'live.com', 'live.co.uk', 'msn.com', 'windowslive.com',
  'yahoo.com', 'yahoo.co.uk', 'ymail.com', 'rocketmail.com',
  'icloud.com', 'me.com', 'mac.com',
  'aol.com', 'aol.co.uk', 'aim.com',
  'btinternet.com', 'btopenworld.com', 'talk21.com',
  'sky.com', 'virginmedia.com', 'virgin.net', 'blueyonder.co.uk', 'ntlworld.com',
  'talktalk.net', 'tiscali.co.uk', 'plus.com', 'orange.net', 'wanadoo.co.uk',
  'protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me', 'tutanota.com', 'tuta.io',
  'gmx.com', 'gmx.co.uk', 'gmx.net', 'gmx.de', 'mail.com', 'email.com',
  'yandex.com', 'yandex.ru', 'zoho.com', 'zohomail.com', 'fastmail.com', 'hushmail.com', 'mail.ru', 'qq.com', '163.com',
];

/** Providers whose country domains vary: hotmail.fr, live.ie, yahoo.co.in, aol.de... */
const MULTI_COUNTRY = new Set(['hotmail', 'live', 'yahoo', 'aol', 'gmx', 'yandex', 'outlook']);
// A registrable suffix after the provider label: "fr", "co.uk", "com.au".
const COUNTRY_SUFFIX = /^(?:[a-z]{2,3}|(?:co|com|net|org)\.[a-z]{2})$/;

/** True when `domain` is a personal webmail domain (built-in or in `extra`). */
export function isPersonalWebmail(domain: string, domains: ReadonlySet<string>): boolean {
  const d = domain.toLowerCase();
  if (domains.has(d)) return true;
  const dot = d.indexOf('.');
  if (dot < 0) return false;
  return MULTI_COUNTRY.has(d.slice(0, dot)) && COUNTRY_SUFFIX.test(d.slice(dot + 1));
}
