/**
 * Drafts (a collected demand, a visit) are kept on the phone until sent, so a dropped signal or a closed
 * tab loses nothing. localStorage: small, synchronous, per device; never holds credentials.
 */
const PREFIX = 'draft:';

export function loadDraft<T>(name: string): T | undefined {
  try {
    const text = localStorage.getItem(PREFIX + name);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(name: string, value: unknown): void {
  localStorage.setItem(PREFIX + name, JSON.stringify(value));
}

export function dropDraft(name: string): void {
  localStorage.removeItem(PREFIX + name);
}
