// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title FOB sale of goods paid in ether
/// @notice The buyer pays a 30% deposit, the seller ships the goods Free On Board
///         by the shipment deadline, and the buyer then pays the balance of the price,
///         reduced by a penalty for every full day the shipment was late.
/// @dev Risk in the goods passes to the buyer when the seller confirms shipment
///      (loading on board the vessel), evidenced by the hash of the bill of lading.
///      The deposit is released to the seller on shipment; the balance on payment.
contract FobSale {
    /// @notice Stages of the sale.
    enum State {
        Created,
        DepositPaid,
        Shipped,
        Completed,
        Cancelled
    }

    /// @notice Denominator for all basis-point figures (100% = 10 000 bps).
    uint256 public constant BPS = 10_000;
    /// @notice Deposit as a share of the price: 30%.
    uint256 public constant DEPOSIT_BPS = 3000;
    /// @notice Late-shipment penalty per full day of delay: 0.5% of the price.
    uint256 public constant PENALTY_BPS_PER_DAY = 50;
    /// @notice Maximum total late-shipment penalty: 10% of the price.
    uint256 public constant MAX_PENALTY_BPS = 1000;

    address public immutable buyer;
    address public immutable seller;
    /// @notice Total purchase price in wei.
    uint256 public immutable price;
    /// @notice Deposit due from the buyer, in wei.
    uint256 public immutable deposit;
    /// @notice Latest time by which the goods must be shipped.
    uint256 public immutable shipBy;

    State public state;
    /// @notice Time at which the seller confirmed shipment (0 until shipped).
    uint256 public shippedAt;
    /// @notice Keccak-256 hash of the bill of lading presented on shipment.
    bytes32 public billOfLadingHash;

    event DepositPaid(address indexed buyer, uint256 amount);
    event Shipped(bytes32 indexed billOfLadingHash, uint256 shippedAt);
    event BalancePaid(address indexed buyer, uint256 amount, uint256 penalty);
    event Cancelled(address indexed buyer, uint256 refunded);

    modifier onlyBuyer() {
        require(msg.sender == buyer, "FobSale: caller is not the buyer");
        _;
    }

    modifier onlySeller() {
        require(msg.sender == seller, "FobSale: caller is not the seller");
        _;
    }

    modifier inState(State s) {
        require(state == s, "FobSale: wrong state");
        _;
    }

    /// @notice Opens the sale between the given buyer and seller at a fixed price.
    /// @dev The shipment deadline is fixed at 30 days after deployment.
    /// @param _buyer Address of the buyer, who pays the deposit and the balance.
    /// @param _seller Address of the seller, who ships the goods and receives the price.
    /// @param _price Total purchase price in wei.
    constructor(address _buyer, address _seller, uint256 _price) {
        require(_buyer != address(0) && _seller != address(0), "FobSale: zero address");
        require(_buyer != _seller, "FobSale: buyer is seller");
        require(_price > 0, "FobSale: zero price");
        buyer = _buyer;
        seller = _seller;
        price = _price;
        deposit = (_price * DEPOSIT_BPS) / BPS;
        shipBy = block.timestamp + 30 days;
        state = State.Created;
    }

    /// @notice The buyer pays the deposit of 30% of the price.
    /// @dev The exact deposit amount must be sent; it is held until shipment.
    function payDeposit() external payable onlyBuyer inState(State.Created) {
        require(msg.value == deposit, "FobSale: incorrect deposit");
        state = State.DepositPaid;
        emit DepositPaid(msg.sender, msg.value);
    }

    /// @notice The seller confirms that the goods were loaded on board and receives the deposit.
    /// @dev Shipment after `shipBy` is still accepted but attracts the late penalty.
    /// @param _billOfLadingHash Hash of the bill of lading issued by the carrier.
    function confirmShipment(bytes32 _billOfLadingHash) external onlySeller inState(State.DepositPaid) {
        require(_billOfLadingHash != bytes32(0), "FobSale: missing bill of lading");
        state = State.Shipped;
        shippedAt = block.timestamp;
        billOfLadingHash = _billOfLadingHash;
        emit Shipped(_billOfLadingHash, block.timestamp);

        (bool ok, ) = payable(seller).call{value: deposit}("");
        require(ok, "FobSale: deposit transfer failed");
    }

    /// @notice Late-shipment penalty: 0.5% of the price per full day after `shipBy`, at most 10%.
    /// @return penalty The penalty in wei (zero if not shipped late).
    function latePenalty() public view returns (uint256 penalty) {
        if (shippedAt <= shipBy) {
            return 0;
        }
        uint256 daysLate = (shippedAt - shipBy) / 1 days;
        penalty = (price * PENALTY_BPS_PER_DAY * daysLate) / BPS;
        uint256 cap = (price * MAX_PENALTY_BPS) / BPS;
        if (penalty > cap) {
            penalty = cap;
        }
    }

    /// @notice Amount the buyer must pay after shipment: price minus deposit minus late penalty.
    function balanceDue() public view returns (uint256) {
        return price - deposit - latePenalty();
    }

    /// @notice The buyer pays the balance of the price, which is forwarded to the seller.
    /// @dev The exact balance due must be sent.
    function payBalance() external payable onlyBuyer inState(State.Shipped) {
        uint256 due = balanceDue();
        require(msg.value == due, "FobSale: incorrect balance");
        state = State.Completed;
        emit BalancePaid(msg.sender, msg.value, latePenalty());

        (bool ok, ) = payable(seller).call{value: msg.value}("");
        require(ok, "FobSale: payment to seller failed");
    }

    /// @notice If the goods were not shipped by the deadline, the buyer cancels and recovers the deposit.
    function cancelIfNotShipped() external onlyBuyer inState(State.DepositPaid) {
        require(block.timestamp > shipBy, "FobSale: shipment period not over");
        state = State.Cancelled;
        emit Cancelled(msg.sender, deposit);

        (bool ok, ) = payable(buyer).call{value: deposit}("");
        require(ok, "FobSale: refund failed");
    }
}
