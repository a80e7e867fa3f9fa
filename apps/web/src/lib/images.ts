/**
 * A camera photo made small enough for a weak signal before it leaves the phone: decoded (turned upright by its
 * EXIF orientation), scaled to at most `maxSide` pixels on its longest side and encoded as JPEG. The API checks
 * and re-encodes it again; this only saves the shop's mobile data (a 4 MB photo becomes about 200 KB).
 */
export async function compressPhoto(file: Blob, maxSide = 1600, quality = 0.8): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))),
      'image/jpeg',
      quality,
    ),
  );
}

/** A file in the multipart field `file`, as the API's upload routes take it. */
export function fileForm(blob: Blob, name: string): FormData {
  const form = new FormData();
  form.append('file', blob, name);
  return form;
}

/** Where the phone is, if its user allows it (never required): null when refused, unavailable or slow. */
export function currentPosition(): Promise<{
  latitude: number;
  longitude: number;
  accuracyMeters: number;
} | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      ({ coords }) =>
        resolve({
          latitude: Math.round(coords.latitude * 1e6) / 1e6,
          longitude: Math.round(coords.longitude * 1e6) / 1e6,
          accuracyMeters: Math.min(100000, Math.round(coords.accuracy)),
        }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    ),
  );
}
