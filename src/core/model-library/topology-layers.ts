import { isPlainObject } from './json-reader';
import { ModelFileError } from './model-file-error';

/** One layer of a saved topology: its Keras class name and its config. */
export interface TopologyLayer {
  readonly className: string;
  readonly name: string;
  readonly config: Record<string, unknown>;
}

/**
 * The layers of a saved Sequential model, or of a functional model that is a plain chain (one
 * input, one output, each layer fed by the one before): the only shapes the studio's models take.
 */
export function topologyLayers(topology: Record<string, unknown>): TopologyLayer[] {
  const className = topology.class_name;
  const config = topology.config;
  if (className === 'Sequential') return readLayers(Array.isArray(config) ? config : isPlainObject(config) ? config.layers : undefined);
  if (className === 'Model' || className === 'Functional') {
    const layers = readLayers(isPlainObject(config) ? config.layers : undefined);
    checkChain(layers, topology);
    return layers;
  }
  throw new ModelFileError(`The model's topology is a ${describeClass(className)}; the studio loads Sequential models and simple chains of layers.`);
}

function readLayers(value: unknown): TopologyLayer[] {
  if (!Array.isArray(value) || value.length === 0) throw new ModelFileError("The model's topology lists no layers.");
  const layers = value.map((layer, index) => {
    if (!isPlainObject(layer) || typeof layer.class_name !== 'string' || !isPlainObject(layer.config)) {
      throw new ModelFileError(`Layer ${index + 1} of the model's topology has no class name or config.`);
    }
    const name = typeof layer.config.name === 'string' && layer.config.name !== '' ? layer.config.name : typeof layer.name === 'string' ? layer.name : '';
    if (name === '') throw new ModelFileError(`Layer ${index + 1} of the model's topology (${layer.class_name}) has no name.`);
    return { className: layer.class_name, name, config: layer.config, inbound: layer.inbound_nodes };
  });
  const repeated = layers.find((layer, index) => layers.findIndex((other) => other.name === layer.name) !== index);
  if (repeated) throw new ModelFileError(`Two layers of the model are named "${repeated.name}"; layer names must be unique.`);
  return layers.map(({ className, name, config }) => ({ className, name, config }));
}

/** A functional model qualifies if layer i's only input is layer i - 1. */
function checkChain(layers: readonly TopologyLayer[], topology: Record<string, unknown>): void {
  const config = topology.config as Record<string, unknown>;
  const raw = config.layers as Record<string, unknown>[];
  const inputs = config.input_layers;
  const outputs = config.output_layers;
  const first = layers[0].name;
  const last = layers[layers.length - 1].name;
  const single = (value: unknown, name: string) => Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0][0] === name;
  const chained = raw.every((layer, index) => index === 0 || inboundNames(layer.inbound_nodes).join('\u0000') === layers[index - 1].name);
  if (!single(inputs, first) || !single(outputs, last) || !chained) {
    throw new ModelFileError('The model is not a simple chain of layers (it has branches, several inputs or several outputs), which the studio does not load.');
  }
}

function inboundNames(nodes: unknown): string[] {
  if (!Array.isArray(nodes) || nodes.length !== 1 || !Array.isArray(nodes[0])) return [];
  return (nodes[0] as unknown[]).map((inbound) => (Array.isArray(inbound) && typeof inbound[0] === 'string' ? inbound[0] : ''));
}

function describeClass(className: unknown): string {
  return typeof className === 'string' ? `"${className}" model` : 'model of no known kind';
}
