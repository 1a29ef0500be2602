// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title Services agreement paid by milestones
/// @notice The client escrows the whole fee up front. For each milestone the provider
///         submits the work, and the client either approves it (the provider is paid)
///         or disputes it, in which case the arbiter decides. If the provider has not
///         submitted a milestone by its due date plus a grace period, the client may
///         take that milestone's money back.
/// @dev Milestones are fixed at deployment. Token transfers use the plain ERC20
///      interface and require a `true` return value.
contract MilestoneEscrow {
    enum Status {
        Pending,
        Submitted,
        Approved,
        Disputed,
        Paid,
        Refunded
    }

    struct Milestone {
        string description;
        uint256 amount;
        uint64 dueDate;
        Status status;
    }

    /// @notice Extra time after a due date before the client may reclaim an unsubmitted milestone.
    uint256 public constant GRACE_PERIOD = 14 days;

    IERC20 public immutable token;
    address public immutable client;
    address public immutable provider;
    address public immutable arbiter;

    Milestone[] public milestones;
    /// @notice Sum of all milestone amounts.
    uint256 public totalAmount;
    bool public funded;

    error Unauthorized(address caller);

    event Funded(uint256 totalAmount);
    event MilestoneSubmitted(uint256 indexed index);
    event MilestoneApproved(uint256 indexed index);
    event MilestoneDisputed(uint256 indexed index);
    event DisputeResolved(uint256 indexed index, bool paidProvider);
    event MilestonePaid(uint256 indexed index, address indexed provider, uint256 amount);
    event MilestoneRefunded(uint256 indexed index, address indexed client, uint256 amount);

    /// @param token_ ERC20 token in which the fees are paid.
    /// @param provider_ Service provider who performs the work.
    /// @param arbiter_ Independent arbiter for disputed milestones.
    /// @param descriptions Description of each milestone's deliverable.
    /// @param amounts Fee payable for each milestone, in token units.
    /// @param dueDates Due date of each milestone (unix time).
    constructor(
        IERC20 token_,
        address provider_,
        address arbiter_,
        string[] memory descriptions,
        uint256[] memory amounts,
        uint64[] memory dueDates
    ) {
        require(descriptions.length == amounts.length && amounts.length == dueDates.length, "length mismatch");
        require(descriptions.length > 0, "no milestones");
        token = token_;
        client = msg.sender;
        provider = provider_;
        arbiter = arbiter_;

        for (uint256 i = 0; i < amounts.length; i++) {
            require(amounts[i] > 0, "zero amount");
            milestones.push(Milestone(descriptions[i], amounts[i], dueDates[i], Status.Pending));
            totalAmount += amounts[i];
        }
    }

    function _onlyClient() internal view {
        if (msg.sender != client) revert Unauthorized(msg.sender);
    }

    function _onlyProvider() internal view {
        if (msg.sender != provider) revert Unauthorized(msg.sender);
    }

    function _onlyArbiter() internal view {
        if (msg.sender != arbiter) revert Unauthorized(msg.sender);
    }

    /// @notice Number of milestones in the agreement.
    function milestoneCount() external view returns (uint256) {
        return milestones.length;
    }

    /// @notice The client deposits the total of all milestone fees.
    function fund() external {
        _onlyClient();
        require(!funded, "already funded");
        funded = true;
        require(token.transferFrom(client, address(this), totalAmount), "transfer failed");
        emit Funded(totalAmount);
    }

    /// @notice The provider declares a milestone's work complete and ready for review.
    /// @param i Index of the milestone.
    function submit(uint256 i) external {
        _onlyProvider();
        require(funded, "not funded");
        Milestone storage m = milestones[i];
        require(m.status == Status.Pending, "not pending");
        m.status = Status.Submitted;
        emit MilestoneSubmitted(i);
    }

    /// @notice The client accepts the submitted work; the milestone fee is paid to the provider.
    /// @param i Index of the milestone.
    function approve(uint256 i) external {
        _onlyClient();
        Milestone storage m = milestones[i];
        require(m.status == Status.Submitted, "not submitted");
        m.status = Status.Approved;
        emit MilestoneApproved(i);
        _payProvider(i);
    }

    /// @notice The client objects to the submitted work and refers it to the arbiter.
    /// @param i Index of the milestone.
    function dispute(uint256 i) external {
        _onlyClient();
        Milestone storage m = milestones[i];
        require(m.status == Status.Submitted, "not submitted");
        m.status = Status.Disputed;
        emit MilestoneDisputed(i);
    }

    /// @notice The arbiter settles a disputed milestone in favour of one party.
    /// @param i Index of the milestone.
    /// @param payProvider True to pay the provider, false to refund the client.
    function resolve(uint256 i, bool payProvider) external {
        _onlyArbiter();
        require(milestones[i].status == Status.Disputed, "not disputed");
        emit DisputeResolved(i, payProvider);
        if (payProvider) {
            _payProvider(i);
        } else {
            _refundClient(i);
        }
    }

    /// @notice The client reclaims the fee of a milestone that was never submitted,
    ///         once its due date and the grace period have passed.
    /// @param i Index of the milestone.
    function refundOverdue(uint256 i) external {
        _onlyClient();
        require(funded, "not funded");
        Milestone storage m = milestones[i];
        require(m.status == Status.Pending, "not pending");
        require(block.timestamp > uint256(m.dueDate) + GRACE_PERIOD, "not overdue");
        _refundClient(i);
    }

    function _payProvider(uint256 i) private {
        Milestone storage m = milestones[i];
        m.status = Status.Paid;
        require(token.transfer(provider, m.amount), "transfer failed");
        emit MilestonePaid(i, provider, m.amount);
    }

    function _refundClient(uint256 i) private {
        Milestone storage m = milestones[i];
        m.status = Status.Refunded;
        require(token.transfer(client, m.amount), "transfer failed");
        emit MilestoneRefunded(i, client, m.amount);
    }
}
