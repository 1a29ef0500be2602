/**
 * The 4-byte selector of a public or external function, for compilers that do not write
 * `functionSelector` into the AST (before 0.6): keccak256 of `name(canonical,types)`. Types are read
 * from the type names of the parameters: contracts are addresses, enums uint8, structs tuples.
 */
import { keccak256Hex } from '../hashing.ts';

export type RawNode = Record<string, any>;

/** Any AST node by id, as solc wrote it. */
export type NodeIndex = Map<number, RawNode>;

export function computeSelector(fn: RawNode, index: NodeIndex): string | null {
  const types = (fn.parameters?.parameters ?? []).map((param: RawNode) => canonicalType(param.typeName, index));
  if (types.some((type: string | null) => type === null)) return null;
  return keccak256Hex(`${fn.name}(${types.join(',')})`).slice(2, 10);
}

function canonicalType(typeName: RawNode | undefined, index: NodeIndex): string | null {
  if (typeName === undefined || typeName === null) return null;
  switch (typeName.nodeType) {
    case 'ElementaryTypeName':
      return canonicalElementary(typeName.typeDescriptions?.typeString ?? typeName.name);
    case 'UserDefinedTypeName':
      return canonicalUserDefined(index.get(typeName.referencedDeclaration), index);
    case 'ArrayTypeName': {
      const base = canonicalType(typeName.baseType, index);
      return base === null ? null : `${base}[${arrayLength(typeName)}]`;
    }
    case 'FunctionTypeName':
      return 'function';
    default:
      return null;
  }
}

function canonicalUserDefined(declaration: RawNode | undefined, index: NodeIndex): string | null {
  switch (declaration?.nodeType) {
    case 'ContractDefinition':
      return 'address';
    case 'EnumDefinition':
      return 'uint8';
    case 'StructDefinition': {
      const members = declaration.members.map((member: RawNode) => canonicalType(member.typeName, index));
      return members.some((member: string | null) => member === null) ? null : `(${members.join(',')})`;
    }
    default:
      return null;
  }
}

function canonicalElementary(written: string): string {
  const bare = written.replace(/ (payable|storage|memory|calldata|pointer|ref)\b/g, '').trim();
  const aliases: Record<string, string> = { uint: 'uint256', int: 'int256', byte: 'bytes1', fixed: 'fixed128x18', ufixed: 'ufixed128x18' };
  return aliases[bare] ?? bare;
}

function arrayLength(typeName: RawNode): string {
  if (typeName.length === undefined || typeName.length === null) return '';
  const fromType = /\[(\d+)\][^\[]*$/.exec(typeName.typeDescriptions?.typeString ?? '');
  if (fromType) return fromType[1];
  return typeName.length.nodeType === 'Literal' ? String(typeName.length.value) : '';
}
