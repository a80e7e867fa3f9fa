export default async function globalTeardown() {
  await globalThis.embeddedTestServer?.stop();
}
