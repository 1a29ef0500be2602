// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title Test stablecoin for local chains
/// @notice A dollar-like token with 6 decimals that anyone can mint. For tests only:
///         never deploy to a public network.
contract TestStablecoin is ERC20 {
    constructor() ERC20("Test USD", "TUSD") {}

    /// @notice Six decimals, like USDC and USDT.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Mints `amount` tokens to `to`. Unrestricted on purpose.
    /// @param to Recipient of the new tokens.
    /// @param amount Amount in base units (1 TUSD = 1_000_000).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
