/**
 * ERC-7730 v1.0.0 (deprecated by the spec; `--erc7730-version 1`): the v2 descriptor in v1's shape.
 * v1 has no `interpolatedIntent` and no `visible`: fields shown always are listed in `required`, fields
 * never shown in `excluded`; the ABI is embedded in `context.contract.abi`; `metadata.owner` is required.
 */
import type { Erc7730Descriptor } from './erc7730.ts';

export const ERC7730_V1_SCHEMA = 'https://github.com/LedgerHQ/clear-signing-erc7730-registry/blob/master/specs/erc7730-v1.schema.json';

export interface Erc7730V1Descriptor {
  $schema: string;
  context: { $id: string; contract: { abi: readonly unknown[]; deployments?: { chainId: number; address: string }[] } };
  metadata: { owner: string };
  display: {
    formats: Record<string, { $id: string; intent: string; fields: { path: string; label: string; format: string; params?: Record<string, unknown> }[]; required: string[]; excluded: string[] }>;
  };
}

export function toErc7730V1(descriptor: Erc7730Descriptor, abi: readonly unknown[]): Erc7730V1Descriptor {
  const formats: Erc7730V1Descriptor['display']['formats'] = {};
  for (const [key, format] of Object.entries(descriptor.display.formats)) {
    formats[key] = {
      $id: format.$id,
      intent: format.intent,
      fields: format.fields.map(({ visible: _visible, ...field }) => field),
      required: format.fields.filter((field) => field.visible === 'always').map((field) => field.path),
      excluded: format.fields.filter((field) => field.visible === 'never').map((field) => field.path),
    };
  }
  const { deployments } = descriptor.context.contract;
  return {
    $schema: ERC7730_V1_SCHEMA,
    context: { $id: descriptor.context.$id, contract: { abi, ...(deployments ? { deployments } : {}) } },
    metadata: { owner: descriptor.metadata.contractName },
    display: { formats },
  };
}
