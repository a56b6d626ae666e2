/**
 * The family tree's layout in a worker thread, so that dagre (about 0.3 s for 1,000 models, 6 s for 10,000)
 * runs on a second core while the pages are built. This module is the worker's script too.
 */
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads';
import {layoutGraph, type GraphInputEdge, type GraphInputNode, type GraphLayout} from './graph.js';

interface LayoutJob {
  readonly job: 'model-atlas-layout';
  readonly nodes: readonly GraphInputNode[];
  readonly edges: readonly GraphInputEdge[];
}

const isJob = (data: unknown): data is LayoutJob => (data as LayoutJob | undefined)?.job === 'model-atlas-layout';

if (!isMainThread && isJob(workerData)) parentPort!.postMessage(layoutGraph(workerData.nodes, workerData.edges));

/** `layoutGraph` in a worker thread; rejects when the worker cannot start or fails. */
export function layoutGraphInWorker(nodes: readonly GraphInputNode[], edges: readonly GraphInputEdge[]): Promise<GraphLayout> {
  return new Promise((resolve, reject) => {
    const job: LayoutJob = {job: 'model-atlas-layout', nodes, edges};
    // Without the process's Node options: the script needs none, and some (`--input-type`) stop a worker.
    const worker = new Worker(new URL(import.meta.url), {workerData: job, execArgv: []});
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The layout worker stopped (exit code ${code}) without a layout.`)));
  });
}

/**
 * `layoutGraph` in a worker thread where one can run, in this thread otherwise (from the TypeScript sources,
 * which a worker cannot load, or when the worker fails: the layout's own errors then show here).
 */
export async function layoutGraphAside(nodes: readonly GraphInputNode[], edges: readonly GraphInputEdge[]): Promise<GraphLayout> {
  if (import.meta.url.endsWith('.ts')) return layoutGraph(nodes, edges);
  try {
    return await layoutGraphInWorker(nodes, edges);
  } catch {
    return layoutGraph(nodes, edges);
  }
}
