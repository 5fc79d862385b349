import '@tensorflow/tfjs-backend-cpu';
import * as tf from './tf';

// Engine tests run in Node on tfjs's CPU backend: the same kernels' math, no GPU needed.
await tf.setBackend('cpu');
await tf.ready();
