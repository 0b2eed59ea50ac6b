// Build variables (VITE_*) as the config reads them; shared by the production
// and demo configs without demo-config.ts and config.ts importing each other.

/** An unset or blank variable is null; anything else is trimmed. */
export const blank = (v: string | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);
