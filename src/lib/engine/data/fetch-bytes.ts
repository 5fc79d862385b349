/** Called while a download runs: bytes so far, and the total when the server says it. */
export type DownloadProgress = (loaded: number, total: number | null) => void;

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as BlobPart])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Downloads a file with progress and returns its bytes, gunzipped if they are gzip (a server may
 * or may not have undone the compression already, so the bytes decide, not the headers).
 */
export async function fetchBytes(url: string, onProgress?: DownloadProgress): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const length = Number(response.headers.get('content-length'));
	const total = Number.isFinite(length) && length > 0 ? length : null;
	const chunks: Uint8Array[] = [];
	let loaded = 0;
	const reader = response.body!.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		loaded += value.byteLength;
		onProgress?.(loaded, total);
	}
	const bytes = new Uint8Array(loaded);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return isGzip(bytes) ? gunzip(bytes) : bytes;
}
