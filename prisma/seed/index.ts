// Placeholder replaced by the seed module (demo and large scales).
export async function seedIfEmpty(_url: string, _log: (m: string) => void): Promise<void> {}
