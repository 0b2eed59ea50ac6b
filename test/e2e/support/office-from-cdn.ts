// Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in
// the production task-pane test (there is no network here): the typed fake
// Office, put on window as office.js does, with a draft already written.
import { createFakeOffice, emptyState } from '../../../src/dev/fake-office/fake-office';
import { DEMO_USER } from '../../../src/dev/demo-settings';

const state = emptyState();
state.to = [{ emailAddress: 'officer@county.example.gov.uk', displayName: 'County officer', recipientType: 'externalUser', appointmentResponse: 'none' } as Office.EmailAddressDetails];
state.subject = 'Referral';
state.bodyHtml = '<p>Referral for Amelia, UPN B801200005001, as discussed.</p>';
const fake = createFakeOffice({ user: DEMO_USER }, state);
Object.assign(globalThis, { Office: fake.Office, OfficeRuntime: fake.OfficeRuntime });
