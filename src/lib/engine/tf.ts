/**
 * The engine's one entry to tfjs: the core ops plus what the `@tensorflow/tfjs` umbrella would add
 * for us (gradients for automatic differentiation, chained methods such as `x.flatten()`), without
 * pulling layers, converter and data into a worker that does not need them. Backends are loaded on
 * demand by backend.ts.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

export * from '@tensorflow/tfjs-core';
