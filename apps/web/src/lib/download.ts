import { apiErrorOf } from './errors';

/**
 * Saves a file the API answers (a workbook; the refused import annotated, which comes with the refusal's 400)
 * under the name the API gives it. `call` makes the request with the `fetch` it is given: the raw response is
 * kept aside, as the client reads an error's body as text. Anything but a spreadsheet is the API's refusal.
 */
export async function saveDownload(
  call: (fetch: (request: Request) => Promise<Response>) => Promise<unknown>,
  fallback: string,
): Promise<void> {
  let raw: Response | undefined;
  try {
    await call(async (request) => {
      raw = await fetch(request);
      return raw.clone();
    });
  } catch {
    throw apiErrorOf(0, undefined);
  }
  if (!raw?.headers.get('content-type')?.includes('spreadsheetml'))
    throw apiErrorOf(raw?.status ?? 0, raw ? await raw.json().catch(() => undefined) : undefined);
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(raw.headers.get('content-disposition') ?? '')?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await raw.blob());
  link.download = encoded ? decodeURIComponent(encoded) : fallback;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
