// Where the add-in's pages get office.js. Microsoft requires add-ins to load
// the hosted copy (a bundled or self-hosted office.js goes stale and fails
// store validation), and it must load in <head> before any script that uses it.
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
