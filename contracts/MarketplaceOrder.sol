// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title Marketplace orders with escrowed stablecoin payment
/// @notice Buyers place orders with sellers and pay the price into escrow. The seller
///         ships; when the buyer confirms delivery the seller is paid the price less the
///         platform fee. A buyer may cancel for a full refund before shipment, or after
///         the delivery date has passed without confirmation.
/// @dev The owner (the platform operator) sets the fee and its recipient and can pause
///      new orders, shipping and delivery confirmation. The fee applicable to an order is
///      the fee in force when delivery is confirmed, not when the order was placed.
contract MarketplaceOrder is Ownable, Pausable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum OrderState {
        None,
        Placed,
        Shipped,
        Delivered,
        Cancelled
    }

    struct Order {
        address buyer;
        address seller;
        uint256 amount;
        uint64 deliverBy;
        OrderState state;
    }

    uint256 public constant BPS_DENOMINATOR = 10_000;

    /// @notice Stablecoin in which all orders are paid.
    IERC20 public immutable stablecoin;
    /// @notice Platform fee in basis points of the order amount.
    uint256 public feeBps;
    /// @notice Address that receives platform fees.
    address public feeRecipient;

    mapping(uint256 => Order) public orders;
    uint256 public nextOrderId;

    event OrderPlaced(uint256 indexed id, address indexed buyer, address indexed seller, uint256 amount, uint64 deliverBy);
    event OrderShipped(uint256 indexed id);
    event OrderDelivered(uint256 indexed id, uint256 sellerProceeds, uint256 fee);
    event OrderCancelled(uint256 indexed id, uint256 refund);
    event FeeChanged(uint256 oldFeeBps, uint256 newFeeBps);
    event FeeRecipientChanged(address indexed oldRecipient, address indexed newRecipient);

    /// @param stablecoin_ Payment token.
    /// @param feeRecipient_ Initial recipient of platform fees.
    /// @param feeBps_ Initial platform fee in basis points.
    constructor(IERC20 stablecoin_, address feeRecipient_, uint256 feeBps_) Ownable(msg.sender) {
        require(address(stablecoin_) != address(0), "zero token");
        require(feeRecipient_ != address(0), "zero fee recipient");
        stablecoin = stablecoin_;
        feeRecipient = feeRecipient_;
        feeBps = feeBps_;
    }

    /// @notice The operator sets the platform fee. It applies to every order confirmed afterwards.
    /// @param newFeeBps New fee in basis points.
    function setFeeBps(uint256 newFeeBps) external onlyOwner {
        emit FeeChanged(feeBps, newFeeBps);
        feeBps = newFeeBps;
    }

    /// @notice The operator changes the address that receives platform fees.
    /// @param newRecipient New fee recipient.
    function setFeeRecipient(address newRecipient) external onlyOwner {
        require(newRecipient != address(0), "zero fee recipient");
        emit FeeRecipientChanged(feeRecipient, newRecipient);
        feeRecipient = newRecipient;
    }

    /// @notice Places an order and pays its amount into escrow.
    /// @dev Requires a prior ERC20 approval of at least `amount`.
    /// @param seller Seller who is to deliver the goods.
    /// @param amount Price in stablecoin units.
    /// @param deliverBy Delivery date; after it the buyer may cancel even if shipped.
    /// @return id Identifier of the new order.
    function placeOrder(address seller, uint256 amount, uint64 deliverBy)
        external
        whenNotPaused
        nonReentrant
        returns (uint256 id)
    {
        require(seller != address(0) && seller != msg.sender, "invalid seller");
        require(amount > 0, "zero amount");
        require(deliverBy > block.timestamp, "delivery date in the past");

        id = nextOrderId++;
        orders[id] = Order(msg.sender, seller, amount, deliverBy, OrderState.Placed);
        stablecoin.safeTransferFrom(msg.sender, address(this), amount);
        emit OrderPlaced(id, msg.sender, seller, amount, deliverBy);
    }

    /// @notice The seller records that the goods have been shipped.
    /// @param id Order identifier.
    function markShipped(uint256 id) external whenNotPaused {
        Order storage order = orders[id];
        require(msg.sender == order.seller, "only seller");
        require(order.state == OrderState.Placed, "not placed");
        order.state = OrderState.Shipped;
        emit OrderShipped(id);
    }

    /// @notice The buyer confirms delivery; the seller is paid the amount less the platform fee.
    /// @param id Order identifier.
    function confirmDelivery(uint256 id) external whenNotPaused nonReentrant {
        Order storage order = orders[id];
        require(msg.sender == order.buyer, "only buyer");
        require(order.state == OrderState.Shipped, "not shipped");
        order.state = OrderState.Delivered;

        uint256 fee = (order.amount * feeBps) / BPS_DENOMINATOR;
        uint256 proceeds = order.amount - fee;
        stablecoin.safeTransfer(order.seller, proceeds);
        if (fee > 0) {
            stablecoin.safeTransfer(feeRecipient, fee);
        }
        emit OrderDelivered(id, proceeds, fee);
    }

    /// @notice The buyer cancels for a full refund, either before shipment or once the
    ///         delivery date has passed. Available even while the marketplace is paused.
    /// @param id Order identifier.
    function cancel(uint256 id) external nonReentrant {
        Order storage order = orders[id];
        require(msg.sender == order.buyer, "only buyer");
        bool beforeShipment = order.state == OrderState.Placed;
        bool overdue = order.state == OrderState.Shipped && block.timestamp > order.deliverBy;
        require(beforeShipment || overdue, "cannot cancel");

        order.state = OrderState.Cancelled;
        stablecoin.safeTransfer(order.buyer, order.amount);
        emit OrderCancelled(id, order.amount);
    }

    /// @notice The operator suspends new orders, shipping and delivery confirmations.
    function pause() external onlyOwner {
        _pause();
    }

    /// @notice The operator resumes normal operation.
    function unpause() external onlyOwner {
        _unpause();
    }
}
