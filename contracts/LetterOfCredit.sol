// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title Irrevocable documentary letter of credit, settled in a stablecoin
/// @notice The issuing bank undertakes to pay the beneficiary (exporter) the credit amount
///         against presentation of complying documents before expiry. The applicant
///         (importer) puts the bank in funds. If the credit expires unused, the applicant
///         takes the funds back.
/// @dev Modelled loosely on UCP 600. Documents are represented by the hash of the
///      document set; the bank examines the originals off-chain. The issuing bank is the
///      deploying account.
contract LetterOfCredit {
    using SafeERC20 for IERC20;

    enum State {
        Issued,
        Funded,
        DocumentsPresented,
        Rejected,
        Paid,
        Expired
    }

    /// @notice Time the issuing bank has to examine a presentation (UCP 600 art. 14(b): five banking days).
    uint256 public constant EXAMINATION_PERIOD = 5 days;

    IERC20 public immutable token;
    address public immutable applicant;
    address public immutable beneficiary;
    address public immutable issuingBank;
    address public immutable advisingBank;
    /// @notice Credit amount, in token units.
    uint256 public immutable amount;
    /// @notice Expiry date for presentation of documents.
    uint64 public immutable expiry;

    State public state;
    bytes32 public documentsHash;
    uint256 public presentedAt;
    string public rejectionReason;

    error NotApplicant();
    error NotBeneficiary();
    error NotIssuingBank();
    error InvalidState(State current);
    error CreditExpired(uint64 expiry);
    error NotYetExpired(uint64 expiry);
    error ExaminationPeriodRunning(uint256 endsAt);
    error InvalidParameters();

    event CreditFunded(address indexed applicant, uint256 amount);
    event DocumentsPresented(address indexed presenter, bytes32 indexed documentsHash);
    event DocumentsAccepted(bytes32 indexed documentsHash);
    event DocumentsRejected(bytes32 indexed documentsHash, string reason);
    event BeneficiaryPaid(address indexed beneficiary, uint256 amount);
    event FundsReclaimed(address indexed applicant, uint256 amount);

    /// @notice Issues the credit. The caller becomes the issuing bank.
    /// @param _token Stablecoin in which the credit is payable.
    /// @param _applicant Importer on whose instructions the credit is issued.
    /// @param _beneficiary Exporter in whose favour the credit is issued.
    /// @param _advisingBank Bank that advises the credit and may present documents for the beneficiary.
    /// @param _amount Credit amount in token units.
    /// @param _expiry Last moment (exclusive) for funding and for presentation of documents.
    constructor(
        IERC20 _token,
        address _applicant,
        address _beneficiary,
        address _advisingBank,
        uint256 _amount,
        uint64 _expiry
    ) {
        if (address(_token) == address(0) || _applicant == address(0) || _beneficiary == address(0)) {
            revert InvalidParameters();
        }
        if (_amount == 0 || _expiry <= block.timestamp) revert InvalidParameters();
        token = _token;
        applicant = _applicant;
        beneficiary = _beneficiary;
        advisingBank = _advisingBank;
        issuingBank = msg.sender;
        amount = _amount;
        expiry = _expiry;
        state = State.Issued;
    }

    /// @notice The applicant deposits the credit amount with this contract.
    /// @dev Requires a prior ERC20 approval of at least `amount`.
    function fund() external {
        if (msg.sender != applicant) revert NotApplicant();
        if (state != State.Issued) revert InvalidState(state);
        if (block.timestamp >= expiry) revert CreditExpired(expiry);
        state = State.Funded;
        token.safeTransferFrom(applicant, address(this), amount);
        emit CreditFunded(applicant, amount);
    }

    /// @notice The beneficiary, or the advising bank on its behalf, presents the shipping documents.
    /// @dev A new presentation is allowed after a rejection, as long as the credit has not expired.
    /// @param _documentsHash Hash of the document set (invoice, bill of lading, certificates).
    function presentDocuments(bytes32 _documentsHash) external {
        if (msg.sender != beneficiary && msg.sender != advisingBank) revert NotBeneficiary();
        if (state != State.Funded && state != State.Rejected) revert InvalidState(state);
        if (block.timestamp >= expiry) revert CreditExpired(expiry);
        state = State.DocumentsPresented;
        documentsHash = _documentsHash;
        presentedAt = block.timestamp;
        delete rejectionReason;
        emit DocumentsPresented(msg.sender, _documentsHash);
    }

    /// @notice The issuing bank finds the documents complying and pays the beneficiary.
    function acceptDocuments() external {
        if (msg.sender != issuingBank) revert NotIssuingBank();
        if (state != State.DocumentsPresented) revert InvalidState(state);
        emit DocumentsAccepted(documentsHash);
        _payBeneficiary();
    }

    /// @notice The issuing bank refuses the presentation because of discrepancies.
    /// @param reason Statement of the discrepancies found.
    function rejectDocuments(string calldata reason) external {
        if (msg.sender != issuingBank) revert NotIssuingBank();
        if (state != State.DocumentsPresented) revert InvalidState(state);
        state = State.Rejected;
        rejectionReason = reason;
        emit DocumentsRejected(documentsHash, reason);
    }

    /// @notice If the bank neither accepts nor rejects within the examination period,
    ///         the beneficiary may claim payment as if the documents had been accepted.
    function claimAfterExaminationPeriod() external {
        if (msg.sender != beneficiary) revert NotBeneficiary();
        if (state != State.DocumentsPresented) revert InvalidState(state);
        uint256 endsAt = presentedAt + EXAMINATION_PERIOD;
        if (block.timestamp <= endsAt) revert ExaminationPeriodRunning(endsAt);
        _payBeneficiary();
    }

    /// @notice After expiry, the applicant recovers the funds if no payment has been made.
    /// @dev Not available while a presentation is under examination.
    function reclaimAfterExpiry() external {
        if (msg.sender != applicant) revert NotApplicant();
        if (block.timestamp < expiry) revert NotYetExpired(expiry);
        if (state != State.Funded && state != State.Rejected) revert InvalidState(state);
        state = State.Expired;
        token.safeTransfer(applicant, amount);
        emit FundsReclaimed(applicant, amount);
    }

    function _payBeneficiary() private {
        state = State.Paid;
        token.safeTransfer(beneficiary, amount);
        emit BeneficiaryPaid(beneficiary, amount);
    }
}
