/** Worker thread: parses and validates a share of the documents for `loadHandbookParallel`. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadDocuments } from './content.ts';

const { root, files, rules } = workerData;
parentPort!.postMessage(loadDocuments(root, files, rules));
