import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Copies the edition's linked attachments (already limited to its own documents' files by staging) into the output. */
export function copyAttachments(contentDir: string, outDir: string, files: readonly string[]): void {
  for (const file of files) {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(contentDir, file), target);
  }
}
