// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Consignment sale by English auction
/// @notice An auction house sells one lot on behalf of a consignor. Bidders bid in ether
///         until the end time; each bid must beat the current highest bid by a minimum
///         increment. If the highest bid meets the reserve price, the consignor receives
///         the hammer price less the house's commission. Otherwise the lot is unsold and
///         the highest bidder gets the bid back.
/// @dev The owner is the auction house. Outbid bidders are not paid automatically:
///      their bids are credited and they withdraw them (pull payments).
contract ConsignmentAuction is Ownable {
    uint256 public constant BPS = 10_000;
    /// @notice Highest commission the auction house may charge: 15%.
    uint256 public constant MAX_COMMISSION_BPS = 1500;

    address payable public immutable consignor;
    /// @notice Short description or catalogue reference of the lot.
    string public lotDescription;
    /// @notice Lowest hammer price at which the lot will be sold, in wei.
    uint256 public immutable reservePrice;
    /// @notice Minimum amount by which a new bid must exceed the highest bid, in wei.
    uint256 public immutable minIncrement;
    /// @notice Bidding closes at this time.
    uint256 public immutable endTime;

    /// @notice Auction house commission in basis points of the hammer price.
    uint256 public commissionBps;

    address public highestBidder;
    uint256 public highestBid;
    bool public settled;

    /// @notice Amounts that bidders may withdraw (outbid or unsold lots).
    mapping(address => uint256) public pendingReturns;

    event CommissionChanged(uint256 oldBps, uint256 newBps);
    event BidPlaced(address indexed bidder, uint256 amount);
    event Sold(address indexed buyer, uint256 hammerPrice, uint256 commission);
    event Unsold(address indexed highestBidder, uint256 highestBid);
    event Withdrawn(address indexed bidder, uint256 amount);

    /// @notice Opens the auction. The deployer becomes the auction house.
    /// @param _consignor Owner of the goods, who receives the proceeds.
    /// @param _lotDescription Description of the lot offered.
    /// @param _reservePrice Reserve price in wei.
    /// @param _minIncrement Minimum bid increment in wei.
    /// @param _biddingTime Duration of the auction in seconds.
    /// @param _commissionBps Initial commission in basis points (at most 1500).
    constructor(
        address payable _consignor,
        string memory _lotDescription,
        uint256 _reservePrice,
        uint256 _minIncrement,
        uint256 _biddingTime,
        uint256 _commissionBps
    ) Ownable(msg.sender) {
        require(_consignor != address(0), "zero consignor");
        require(_minIncrement > 0, "zero increment");
        require(_commissionBps <= MAX_COMMISSION_BPS, "commission too high");
        consignor = _consignor;
        lotDescription = _lotDescription;
        reservePrice = _reservePrice;
        minIncrement = _minIncrement;
        endTime = block.timestamp + _biddingTime;
        commissionBps = _commissionBps;
    }

    /// @notice The auction house changes its commission, up to 15%, at any time before settlement.
    /// @param newBps New commission in basis points.
    function setCommissionBps(uint256 newBps) external onlyOwner {
        require(!settled, "already settled");
        require(newBps <= 1500, "commission too high");
        emit CommissionChanged(commissionBps, newBps);
        commissionBps = newBps;
    }

    /// @notice Places a bid equal to the ether sent.
    /// @dev The previous highest bid is credited to its bidder for withdrawal.
    function bid() external payable {
        require(block.timestamp < endTime, "auction ended");
        require(msg.sender != consignor, "consignor cannot bid");
        require(msg.value >= highestBid + minIncrement, "bid too low");

        if (highestBidder != address(0)) {
            pendingReturns[highestBidder] += highestBid;
        }
        highestBidder = msg.sender;
        highestBid = msg.value;
        emit BidPlaced(msg.sender, msg.value);
    }

    /// @notice Withdraws the caller's outbid or returned bids.
    function withdraw() external {
        uint256 owed = pendingReturns[msg.sender];
        require(owed > 0, "nothing to withdraw");
        pendingReturns[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: owed}("");
        require(ok, "withdraw failed");
        emit Withdrawn(msg.sender, owed);
    }

    /// @notice Closes the auction once the end time is reached. Anyone may call it.
    /// @dev If the reserve is met, the consignor is paid the hammer price minus commission
    ///      and the auction house the commission; otherwise the highest bid is credited back.
    function settle() external {
        require(block.timestamp >= endTime, "auction not ended");
        require(!settled, "already settled");
        settled = true;

        if (highestBidder == address(0)) {
            emit Unsold(address(0), 0);
            return;
        }

        if (highestBid < reservePrice) {
            pendingReturns[highestBidder] += highestBid;
            emit Unsold(highestBidder, highestBid);
            return;
        }

        uint256 commission = (highestBid * commissionBps) / BPS;
        uint256 proceeds = highestBid - commission;
        emit Sold(highestBidder, highestBid, commission);

        (bool okConsignor, ) = consignor.call{value: proceeds}("");
        require(okConsignor, "payment to consignor failed");
        (bool okHouse, ) = payable(owner()).call{value: commission}("");
        require(okHouse, "commission payment failed");
    }
}
