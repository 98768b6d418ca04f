import { RenderResult, RenderTask, runRenderTask } from './render-task';

/**
 * Entry of the render pool's worker threads (piscina loads dist/rendering/render-worker.js):
 * each thread keeps its own chart renderers and draws and writes what the server sends it.
 */
export async function render(task: RenderTask): Promise<RenderResult> {
  return runRenderTask(task);
}
