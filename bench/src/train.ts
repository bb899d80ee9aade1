// One training step of the benchmark models on each framework: the MLP 784-128-10 (ReLU) and
// the CNN of the TF.js MNIST tutorial (conv 8@5×5 → maxpool 2 → conv 16@5×5 → maxpool 2 →
// dense 10), softmax cross-entropy from logits, Adam (lr 1e-3), Keras-default initializers.
// Each step reads the loss back, as a training loop that reports it does.
import { autograd, valueAndGrad } from '@descent/autograd';
import { type ParamTree, Tensor } from '@descent/core';
import {
  Conv2D,
  Dense,
  Flatten,
  type LayerParams,
  MaxPool2D,
  sequential,
  sparseCategoricalCrossentropy,
} from '@descent/layers';
import { adam, applyGradients, disposeState } from '@descent/optimizers';
import type * as tfType from '@tensorflow/tfjs-core';
import { descentRuntime, type FrameworkName, tfjs } from './frameworks';

export type ModelName = 'mlp' | 'cnn';

export interface Trainer {
  /** One step on a batch of images (flat [batch·784] in [0, 1)) and labels; returns the loss. */
  step(x: Float32Array, y: Int32Array): number;
  /** Framework-reported tensor memory in bytes, where it has a counter. */
  bytes(): number;
  dispose(): void;
}

export async function makeTrainer(
  framework: FrameworkName,
  model: ModelName,
  batch: number,
): Promise<Trainer> {
  return framework.startsWith('descent')
    ? descentTrainer(model, batch, framework === 'descent-threads')
    : tfjsTrainer(await tfjs(framework === 'tfjs-cpu' ? 'cpu' : 'wasm'), model, batch);
}

function descentTrainer(model: ModelName, batch: number, threads: boolean): Trainer {
  const rt = descentRuntime(threads);
  rt.use(autograd());
  rt.seed(1);
  const net = (
    model === 'mlp'
      ? sequential([
          new Dense({ units: 128, activation: 'relu', inputShape: [784] }),
          new Dense({ units: 10 }),
        ])
      : sequential([
          new Conv2D({ filters: 8, kernelSize: 5, activation: 'relu', inputShape: [28, 28, 1] }),
          new MaxPool2D({ poolSize: 2 }),
          new Conv2D({ filters: 16, kernelSize: 5, activation: 'relu' }),
          new MaxPool2D({ poolSize: 2 }),
          new Flatten(),
          new Dense({ units: 10 }),
        ])
  ).init(rt);
  const shape = model === 'mlp' ? [batch, 784] : [batch, 28, 28, 1];
  const loss = sparseCategoricalCrossentropy({ fromLogits: true });
  const tx = adam({ learningRate: 1e-3 });
  // A copy of the model's parameters that the loop owns and replaces each step.
  let params = rt.tidy(() => mapTree(net.trainableParams(), (t) => rt.view(t)) as LayerParams);
  let state = tx.init(params);
  return {
    step(xs, ys) {
      const x = rt.tensor(xs, shape);
      const y = rt.tensor(ys, [batch], 'int32');
      const { value, grads } = valueAndGrad((p: LayerParams) => loss(y, net.apply(p, x, { training: true })))(
        params,
      );
      const next = applyGradients(tx, params, grads, state);
      const v = value.dataSync()[0]!;
      rt.dispose([value, grads, params, x, y]);
      ({ params, state } = next as { params: LayerParams; state: typeof state });
      return v;
    },
    bytes: () => rt.memory().numBytes,
    dispose() {
      rt.dispose(params);
      disposeState(state);
      net.dispose();
    },
  };
}

function mapTree(tree: ParamTree, f: (t: Tensor) => Tensor): ParamTree {
  if (tree instanceof Tensor) return f(tree);
  return Object.fromEntries(
    Object.entries(tree as Record<string, ParamTree>).map(([k, v]) => [k, mapTree(v, f)]),
  );
}

function tfjsTrainer(tf: typeof tfType, model: ModelName, batch: number): Trainer {
  const glorot = (shape: number[], fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return tf.variable(tf.randomUniform(shape, -limit, limit, 'float32', 1));
  };
  const zeros = (n: number) => tf.variable(tf.zeros([n]));
  const vars: Record<string, tfType.Variable> =
    model === 'mlp'
      ? { w1: glorot([784, 128], 784, 128), b1: zeros(128), w2: glorot([128, 10], 128, 10), b2: zeros(10) }
      : {
          c1: glorot([5, 5, 1, 8], 25, 200),
          cb1: zeros(8),
          c2: glorot([5, 5, 8, 16], 200, 400),
          cb2: zeros(16),
          w: glorot([256, 10], 256, 10),
          b: zeros(10),
        };
  const v = vars;
  const forward = (x: tfType.Tensor): tfType.Tensor => {
    if (model === 'mlp') {
      const h = tf.relu(tf.add(tf.matMul(x as tfType.Tensor2D, v.w1 as tfType.Tensor2D), v.b1!));
      return tf.add(tf.matMul(h as tfType.Tensor2D, v.w2 as tfType.Tensor2D), v.b2!);
    }
    let h = tf.relu(tf.add(tf.conv2d(x as tfType.Tensor4D, v.c1 as tfType.Tensor4D, 1, 'valid'), v.cb1!));
    h = tf.maxPool(h as tfType.Tensor4D, 2, 2, 'valid');
    h = tf.relu(tf.add(tf.conv2d(h as tfType.Tensor4D, v.c2 as tfType.Tensor4D, 1, 'valid'), v.cb2!));
    h = tf.maxPool(h as tfType.Tensor4D, 2, 2, 'valid');
    return tf.add(tf.matMul(tf.reshape(h, [batch, 256]) as tfType.Tensor2D, v.w as tfType.Tensor2D), v.b!);
  };
  const optimizer = tf.train.adam(1e-3);
  const shape = model === 'mlp' ? [batch, 784] : [batch, 28, 28, 1];
  return {
    step(xs, ys) {
      const x = tf.tensor(xs, shape);
      const labels = tf.tensor1d(ys, 'int32');
      const cost = optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), forward(x)) as tfType.Scalar,
        true,
      )!;
      const value = cost.dataSync()[0]!;
      tf.dispose([x, labels, cost]);
      return value;
    },
    bytes: () => tf.memory().numBytes,
    dispose() {
      optimizer.dispose();
      tf.dispose(Object.values(v));
    },
  };
}
