// The clauses of the April 2020 policy that the Outlook checks rest on, in the
// policy's own words. Pure data: the engine cites them in every reason.

export interface ClauseRef {
  /** Stable id of the clause. */
  readonly id: string;
  /** The policy section the clause sits in. */
  readonly section: string;
  /** The policy's own words. */
  readonly quote: string;
}

export const CLAUSES = {
  emailSecurity: {
    id: 'internet-email.security',
    section: 'Internet / Email',
    quote: 'Appropriate security must be used or applied before confidential or sensitive information is sent via the internet or email.',
  },
  contactHours: {
    id: 'mobile-phones.contact-hours',
    section: 'Mobile Phones',
    quote: 'Calls and contact to pupils and parents should be restricted to the hours of 8.00 am to 6.00 pm',
  },
  removingSensitive: {
    id: 'computer-network.removing-sensitive',
    section: 'Computer network',
    quote: 'Transporting sensitive information or removing it from the network is strictly forbidden.',
  },
} as const satisfies Record<string, ClauseRef>;
