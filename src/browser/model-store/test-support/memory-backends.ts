import type { io } from '@tensorflow/tfjs-core';
import type { ModelMetadata } from '../../../core/model-library/model-metadata';
import type { MetadataBackend, StoredWeights, WeightsBackend } from '../model-store-backends';

/** Which backend call should fail next, and with what. */
export interface Faults {
  weightsSave?: Error;
  weightsRemove?: Error;
  metadataPut?: Error;
}

/** In-memory backends with the IndexedDB ones' behaviour, plus injectable failures, for Node tests. */
export class MemoryBackends {
  readonly weightRecords = new Map<string, { artifacts: io.ModelArtifacts; savedAt: Date }>();
  readonly metadataRecords = new Map<string, unknown>();
  activeId: string | undefined;
  faults: Faults = {};
  clock = Date.parse('2026-11-24T06:00:00Z');

  readonly now = () => this.clock;

  readonly weights: WeightsBackend = {
    save: async (id, artifacts) => {
      this.#throwIf('weightsSave');
      this.weightRecords.set(id, { artifacts, savedAt: new Date(this.clock) });
    },
    load: async (id) => {
      const record = this.weightRecords.get(id);
      if (record === undefined) throw new Error(`no model ${id}`);
      return record.artifacts;
    },
    remove: async (id) => {
      this.#throwIf('weightsRemove');
      this.weightRecords.delete(id);
    },
    list: async () => [...this.weightRecords].map(([id, record]): StoredWeights => ({ id, savedAt: record.savedAt })),
  };

  readonly metadata: MetadataBackend = {
    get: async (id) => structuredClone(this.metadataRecords.get(id)),
    put: async (metadata: ModelMetadata) => {
      this.#throwIf('metadataPut');
      this.metadataRecords.set(metadata.id, structuredClone(metadata));
    },
    update: async (id, change) => {
      this.metadataRecords.set(id, structuredClone(change(structuredClone(this.metadataRecords.get(id)))));
    },
    remove: async (id) => {
      this.metadataRecords.delete(id);
    },
    all: async () => new Map([...this.metadataRecords].map(([id, value]) => [id, structuredClone(value)])),
    getActiveId: async () => this.activeId,
    setActiveId: async (id) => {
      this.activeId = id;
    },
  };

  #throwIf(fault: keyof Faults): void {
    const error = this.faults[fault];
    if (error === undefined) return;
    delete this.faults[fault];
    throw error;
  }
}
