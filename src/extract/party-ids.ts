/** Which state variables are parties: addresses that are not constants, named without leading underscores. */
import type { Expression, VariableDeclaration } from 'solidity-ast';

export function isAddressType(typeString: string | null | undefined): boolean {
  return typeString === 'address' || typeString === 'address payable';
}

export function partyIdOf(decl: VariableDeclaration): string | null {
  if (!decl.stateVariable || decl.constant || !isAddressType(decl.typeDescriptions.typeString)) return null;
  // `address private immutable __self = address(this)`: the contract's own address, not a party.
  if (isOwnAddress(decl.value)) return null;
  return partyIdFromName(decl.name);
}

/** A party's id: the variable's name without leading or trailing underscores (`_owner` → `owner`). */
export function partyIdFromName(name: string): string {
  return name.replace(/^_+|_+$/g, '') || name;
}

function isOwnAddress(value: Expression | null | undefined): boolean {
  if (!value) return false;
  if (value.nodeType === 'Identifier') return value.name === 'this';
  return value.nodeType === 'FunctionCall' && value.kind === 'typeConversion' && value.arguments.length === 1 && isOwnAddress(value.arguments[0]);
}
