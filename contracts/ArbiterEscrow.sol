// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Escrow of a purchase price with a neutral arbiter
/// @notice The buyer deposits the price. The buyer releases it to the seller when the
///         goods arrive, or the seller refunds it. If the parties disagree, the arbiter
///         decides who receives the money and keeps a 1% fee for doing so.
/// @dev Payments use `transfer`, so every party should be an externally owned account.
contract ArbiterEscrow {
    enum Status {
        AwaitingPayment,
        AwaitingDelivery,
        Released,
        Refunded
    }

    address public buyer;
    address public seller;
    address public arbiter;

    /// @notice Purchase price held in escrow, in wei.
    uint256 public amount;
    /// @notice After this time the buyer can take the money back, unless a dispute was raised.
    uint256 public deadline;
    /// @notice True once either party has asked the arbiter to decide.
    bool public disputed;
    Status public status;

    event Funded(address indexed from, uint256 amount);
    event Released(address indexed to, uint256 amount);
    event Refunded(address indexed to, uint256 amount);
    event DisputeRaised(address indexed by);
    event Resolved(bool toSeller, uint256 payout, uint256 arbiterFee);

    /// @notice Sets up the escrow; the buyer may fund it immediately by sending the price.
    /// @param _seller Seller of the goods.
    /// @param _arbiter Neutral third party who settles disputes.
    /// @param _amount Purchase price in wei.
    /// @param _deadline Time after which an undisputed escrow can be returned to the buyer.
    constructor(address _seller, address _arbiter, uint256 _amount, uint256 _deadline) payable {
        require(_seller != address(0) && _arbiter != address(0), "zero address");
        require(_amount > 0, "zero amount");
        require(_deadline > block.timestamp, "deadline in the past");
        buyer = msg.sender;
        seller = _seller;
        arbiter = _arbiter;
        amount = _amount;
        deadline = _deadline;

        if (msg.value > 0) {
            require(msg.value == _amount, "wrong amount");
            status = Status.AwaitingDelivery;
            emit Funded(msg.sender, msg.value);
        } else {
            status = Status.AwaitingPayment;
        }
    }

    /// @notice The buyer deposits the purchase price, if it was not sent at deployment.
    function fund() external payable {
        require(msg.sender == buyer, "only buyer");
        require(status == Status.AwaitingPayment, "already funded");
        require(msg.value == amount, "wrong amount");
        status = Status.AwaitingDelivery;
        emit Funded(msg.sender, msg.value);
    }

    /// @notice Pays the full escrowed amount to the seller.
    /// @dev May be called by the buyer (goods received) or by the arbiter.
    function release() external {
        require(msg.sender == buyer || msg.sender == arbiter, "only buyer or arbiter");
        require(status == Status.AwaitingDelivery, "not funded");
        status = Status.Released;
        payable(seller).transfer(amount);
        emit Released(seller, amount);
    }

    /// @notice Returns the full escrowed amount to the buyer.
    /// @dev May be called by the seller (e.g. cannot deliver) or by the arbiter.
    function refund() external {
        require(msg.sender == seller || msg.sender == arbiter, "only seller or arbiter");
        require(status == Status.AwaitingDelivery, "not funded");
        status = Status.Refunded;
        payable(buyer).transfer(amount);
        emit Refunded(buyer, amount);
    }

    /// @notice Either party asks the arbiter to decide; this blocks the deadline refund.
    function raiseDispute() external {
        require(msg.sender == buyer || msg.sender == seller, "only buyer or seller");
        require(status == Status.AwaitingDelivery, "not funded");
        require(!disputed, "already disputed");
        disputed = true;
        emit DisputeRaised(msg.sender);
    }

    /// @notice The arbiter decides a dispute raised by either party. The winner receives
    ///         the amount less the arbiter's fee of 1%, which is paid to the arbiter.
    /// @param toSeller True to pay the seller, false to refund the buyer.
    function resolve(bool toSeller) external {
        require(msg.sender == arbiter, "only arbiter");
        require(status == Status.AwaitingDelivery, "not funded");
        require(disputed, "no dispute");

        uint256 fee = amount / 100;
        uint256 payout = amount - fee;

        if (toSeller) {
            status = Status.Released;
            payable(seller).transfer(payout);
        } else {
            status = Status.Refunded;
            payable(buyer).transfer(payout);
        }
        payable(arbiter).transfer(fee);
        emit Resolved(toSeller, payout, fee);
    }

    /// @notice Only the buyer can request a refund after the deadline.
    /// @dev Returns the full amount to the buyer once the deadline has passed,
    ///      provided no dispute has been raised.
    function reclaimAfterDeadline() external {
        require(status == Status.AwaitingDelivery, "not funded");
        require(block.timestamp >= deadline, "deadline not reached");
        require(!disputed, "under dispute");
        status = Status.Refunded;
        payable(buyer).transfer(amount);
        emit Refunded(buyer, amount);
    }
}
