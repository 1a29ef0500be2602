/** Which state variables are parties: addresses that are not constants, named without leading underscores. */
import type { VariableDeclaration } from 'solidity-ast';

export function isAddressType(typeString: string | null | undefined): boolean {
  return typeString === 'address' || typeString === 'address payable';
}

export function partyIdOf(decl: VariableDeclaration): string | null {
  if (!decl.stateVariable || decl.constant || !isAddressType(decl.typeDescriptions.typeString)) return null;
  return decl.name.replace(/^_+|_+$/g, '') || decl.name;
}
