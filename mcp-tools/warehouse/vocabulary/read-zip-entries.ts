import yauzl from 'yauzl';

/**
 * Reads the wanted entries of a zip archive as UTF-8 text, keyed by base name (`cdm/CONCEPT.csv` →
 * `CONCEPT.csv`). The junk macOS archivers add (`__MACOSX/`, AppleDouble `._*` files) is skipped, so
 * it cannot shadow the real file of the same name. An entry missing from the archive is simply absent.
 */
export function readZipEntries(zipPath: string, wanted: ReadonlySet<string>): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (openError, zipFile) => {
      if (openError || !zipFile) return reject(openError ?? new Error(`cannot open ${zipPath}`));
      const contents = new Map<string, string>();
      zipFile.on('error', reject);
      zipFile.on('end', () => resolve(contents));
      zipFile.on('entry', (entry: yauzl.Entry) => {
        const baseName = entry.fileName.split('/').pop() ?? '';
        if (entry.fileName.includes('__MACOSX/') || baseName.startsWith('._') || !wanted.has(baseName)) {
          zipFile.readEntry();
          return;
        }
        zipFile.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream)
            return reject(streamError ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            contents.set(baseName, Buffer.concat(chunks).toString('utf8'));
            zipFile.readEntry();
          });
        });
      });
      zipFile.readEntry();
    });
  });
}
