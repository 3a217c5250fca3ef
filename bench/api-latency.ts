/** Placeholder until src/control's Engine and src/api's createServer land. */
export async function measureApiLatency(_runs: number): Promise<void> {
  console.log('\nAPI latency: skipped — src/control (Engine) and src/api (createServer) have not landed yet.');
}
