/**
 * The chain layer: reading a deployment's public state and code through ethers, and mined
 * transactions as orders. Above the orders layer: it uses the orders' semantics to give read values
 * their formats, and the orders' templates to word what was read.
 */
export { readDeployment, toOrderFacts, type ReadDeploymentOptions } from './read-deployment.ts';
export { buildDeploymentStatements } from './deployment-statements.ts';
export { readTransaction, type MinedCall } from './transaction.ts';
export { checkBytecode, stripMetadata, readSolcVersion, type BytecodeCheck } from './bytecode.ts';
export { compileWithBytecode, findBytecode, type CompilerSettings, type ContractBytecode, type CompilationWithBytecode } from './compile-bytecode.ts';
export { loadContractWithBytecode, type ContractWithBytecode } from './load-contract.ts';
export { readDeploymentOfFiles, type DeploymentOfFilesOptions } from './deployment-of-files.ts';
export { readImplementation, ERC1967_IMPLEMENTATION_SLOT, type ImplementationFacts } from './implementation.ts';
export { connect, disconnectAll, type ChainSource } from './provider.ts';
export type { DeploymentFacts, DeploymentValue } from './model.ts';
