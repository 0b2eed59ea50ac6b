// The packaging suite (issue 7). Building the production site is the slow
// part, so the suites share one `npm run package` run: they live in suites/
// and are registered from this single file, so vitest builds once, not per file.
import './suites/package-cli';
import './suites/teams-package';
import './suites/outlook-addin';
import './suites/production-build';
