export async function run(_args: string[]): Promise<void> {
  throw new Error('This benchmark is being written.');
}
