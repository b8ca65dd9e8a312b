// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title GlassboxRegistry
/// @notice The on-chain half of Glassbox: a registry of model versions, the
/// anchors of audit-log checkpoints, and disputes against log entries.
///
/// Logs: a log is known by its id, the SHA-256 of its checkpoint origin line,
/// so a checkpoint names its log unambiguously. Each log has one anchorer, the
/// only address that may anchor it. An anchor is (tree size, root); sizes must
/// strictly grow, and the root and block number of every anchored size are
/// kept for ever, so a receipt can be checked against contract state long
/// after nodes have pruned the transaction that wrote it.
///
/// Lifecycle: no transaction can stop a log's line from being anchored for
/// good. A bad anchor (a stolen anchorer key anchoring size 2^64-1) cannot be
/// undone, since anchors are evidence; instead the admin retires the log
/// (retireLog: it keeps every anchor, refuses new ones) and registers a
/// successor (registerSuccessor: a new log, anchored from size 0, linked both
/// ways). The key that signs a log's checkpoints can be rotated (rotateKey)
/// from a size above every anchored size, so the key of an anchored
/// checkpoint never changes; keyAt names the key of any size.
///
/// Models: a (name, version) pair is published once with the SHA-256 digest of
/// its artifact, its lineage and a metadata URI; it can never be changed,
/// only deprecated. The lineage binds four documents by digest: the feature
/// schema (SHA-256 of its canonical encoding), the training-data manifest (an
/// RFC 6962 root over the SHA-256 hashes of the training records), the
/// training code reference (a string, e.g. a git URL and commit) and the model
/// card (SHA-256 of its canonical encoding). A zero digest or an empty code
/// reference binds nothing: that part of the lineage was not declared, and a
/// reader must treat it so. The documents live off chain, content-addressed.
///
/// Disputes: anyone may file one against an anchored log entry (index below
/// the latest anchored size); a filer has at most one open dispute per entry
/// and at most MAX_OPEN_DISPUTES open in all, so griefing costs a fresh
/// address per few disputes. The admin may give a named address (a lender's
/// dispute desk, filing for many applicants) another limit, up to
/// MAX_DISPUTE_LIMIT (setDisputeLimit); every other address keeps the
/// default. The resolver closes a dispute with an outcome, which frees the
/// filer's slot.
///
/// Roles: one admin (grants the other roles; registers, retires and succeeds
/// logs and rotates their keys; handed over in two steps), model publishers,
/// one dispute resolver, one anchorer per log. The deployer starts as admin,
/// publisher and resolver. Every role change and every other state change
/// emits an event. Every rejection is a custom error.
contract GlassboxRegistry {
    // ------------------------------------------------------------------
    // Types

    /// @notice How a dispute ended. None marks an unknown dispute id.
    enum DisputeStatus {
        None,
        Open,
        Upheld,
        Rejected
    }

    struct LogInfo {
        address anchorer; // zero: the log is not registered
        uint64 latestSize; // 0: never anchored
        bool retired; // in the anchorer's slot, so anchor reads no extra slot
        bytes32 publicKey; // Ed25519 key registered with the log (keys from size 0)
        string origin; // checkpoint origin line
    }

    /// @notice A key that signs a log's checkpoints of sizes fromSize and up
    /// (until the next key's fromSize). blockNumber is the block of the
    /// rotation that set it; 0 for the key given at registration.
    struct LogKey {
        bytes32 publicKey;
        uint64 fromSize;
        uint64 blockNumber;
    }

    struct Retirement {
        uint64 blockNumber; // zero: not retired
        string reason;
    }

    struct Anchor {
        bytes32 root;
        uint64 blockNumber; // zero: this size was never anchored
    }

    /// @notice Where a model version came from, by digest. A zero field (an
    /// empty codeRef) was not declared.
    struct Lineage {
        bytes32 schemaDigest; // SHA-256 of the canonical feature schema
        bytes32 manifestRoot; // RFC 6962 root over the training records' SHA-256 hashes
        bytes32 cardDigest; // SHA-256 of the canonical model card
        string codeRef; // training code reference, e.g. a git URL and commit
    }

    struct ModelVersion {
        bytes32 artifactDigest; // zero: the version does not exist
        address publisher;
        uint64 blockNumber;
        bool deprecated;
        string metadataURI;
        string deprecationReason;
        Lineage lineage;
    }

    struct Dispute {
        bytes32 logId;
        uint64 leafIndex;
        uint64 filedBlock;
        DisputeStatus status;
        address filer;
        bytes32 leafHash;
        string reasonURI;
        string resolutionURI;
    }

    // ------------------------------------------------------------------
    // Errors

    error NotAdmin(address caller);
    error NotPendingAdmin(address caller);
    error NotPublisher(address caller);
    error NotResolver(address caller);
    error NotAnchorer(bytes32 logId, address caller);
    error ZeroAddress();

    error EmptyOrigin();
    error LogIdMismatch(bytes32 logId, bytes32 expected);
    error ZeroPublicKey();
    error LogExists(bytes32 logId);
    error UnknownLog(bytes32 logId);
    error SizeNotGrowing(bytes32 logId, uint64 latestSize, uint64 treeSize);
    error ZeroRoot(bytes32 logId, uint64 treeSize);
    error NotAnchored(bytes32 logId, uint64 treeSize);
    error LogRetired(bytes32 logId);
    error LogNotRetired(bytes32 logId);
    error SuccessorExists(bytes32 logId, bytes32 successor);
    error RotationBelowAnchored(bytes32 logId, uint64 fromSize, uint64 latestSize);
    error RotationOutOfOrder(bytes32 logId, uint64 fromSize, uint64 previousFromSize);
    error EmptyBatch();
    error LengthMismatch(uint256 logIds, uint256 treeSizes, uint256 roots);
    error IndexOutOfRange(uint256 index, uint256 count);

    error EmptyName();
    error EmptyVersion();
    error ZeroDigest();
    error VersionExists(string name, string version);
    error UnknownVersion(string name, string version);
    error AlreadyDeprecated(string name, string version);

    error ZeroLeafHash();
    error EmptyReason();
    error UnknownDispute(uint256 id);
    error DisputeClosed(uint256 id, DisputeStatus status);
    error InvalidOutcome(DisputeStatus outcome);
    error LeafNotAnchored(bytes32 logId, uint64 leafIndex, uint64 latestSize);
    error DuplicateDispute(bytes32 logId, uint64 leafIndex, address filer, uint256 openId);
    error TooManyOpenDisputes(address filer, uint256 limit);
    error DisputeLimitTooHigh(address filer, uint32 limit, uint32 max);

    // ------------------------------------------------------------------
    // Events

    event AdminTransferStarted(address indexed admin, address indexed pendingAdmin);
    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);
    event PublisherSet(address indexed account, bool enabled);
    event ResolverChanged(address indexed previousResolver, address indexed newResolver);
    event AnchorerChanged(bytes32 indexed logId, address indexed previousAnchorer, address indexed newAnchorer);

    event LogRegistered(bytes32 indexed logId, string origin, bytes32 publicKey, address indexed anchorer);
    event Anchored(bytes32 indexed logId, uint64 indexed treeSize, bytes32 root);
    event Retired(bytes32 indexed logId, uint64 finalSize, string reason);
    event SuccessorRegistered(bytes32 indexed logId, bytes32 indexed successor);
    event KeyRotated(bytes32 indexed logId, bytes32 publicKey, uint64 fromSize);

    event ModelRegistered(
        string indexed nameKey,
        string name,
        string version,
        bytes32 indexed artifactDigest,
        address indexed publisher,
        string metadataURI
    );
    event ModelLineage(
        string indexed nameKey,
        string name,
        string version,
        bytes32 schemaDigest,
        bytes32 manifestRoot,
        bytes32 cardDigest,
        string codeRef
    );
    event ModelDeprecated(string indexed nameKey, string name, string version, string reason);

    event DisputeFiled(
        uint256 indexed id,
        bytes32 indexed logId,
        address indexed filer,
        uint64 leafIndex,
        bytes32 leafHash,
        string reasonURI
    );
    event DisputeResolved(uint256 indexed id, bytes32 indexed logId, DisputeStatus outcome, string resolutionURI);
    event DisputeLimitSet(address indexed filer, uint32 limit);

    // ------------------------------------------------------------------
    // State

    address public admin;
    address public pendingAdmin; // zero: no transfer under way
    address public resolver;
    mapping(address => bool) public isPublisher;

    mapping(bytes32 => LogInfo) private _logs;
    mapping(bytes32 => mapping(uint64 => Anchor)) private _anchors;
    bytes32[] private _logIds;

    // keccak256(abi.encode(name, version)) => version record
    mapping(bytes32 => ModelVersion) private _models;
    // keccak256(bytes(name)) => versions in publication order
    mapping(bytes32 => string[]) private _versions;

    Dispute[] private _disputes; // id = index + 1

    /// @notice How many disputes one address may have open at once, unless
    /// the admin set another limit for it (setDisputeLimit).
    uint256 public constant MAX_OPEN_DISPUTES = 8;

    /// @notice The largest limit setDisputeLimit accepts.
    uint32 public constant MAX_DISPUTE_LIMIT = 1 << 20;

    // A filer's open disputes and its limit (0: MAX_OPEN_DISPUTES), in one
    // slot so that fileDispute reads no extra slot for the limit.
    struct Filer {
        uint32 open;
        uint32 limit;
    }

    mapping(address => Filer) private _filers;
    // keccak256(abi.encode(filer, logId, leafIndex)) => id of the open dispute
    mapping(bytes32 => uint256) private _openByLeaf;

    mapping(bytes32 => Retirement) private _retirements;
    mapping(bytes32 => bytes32) private _successor; // zero: none
    mapping(bytes32 => bytes32) private _predecessor; // zero: none
    // rotations after registration, fromSize strictly increasing
    mapping(bytes32 => LogKey[]) private _rotations;

    // ------------------------------------------------------------------
    // Roles

    constructor() {
        admin = msg.sender;
        resolver = msg.sender;
        isPublisher[msg.sender] = true;
        emit AdminTransferred(address(0), msg.sender);
        emit ResolverChanged(address(0), msg.sender);
        emit PublisherSet(msg.sender, true);
    }

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin(msg.sender);
        _;
    }

    /// @notice Offers the admin role to another address, which takes it with
    /// acceptAdmin (two steps, so a mistyped address cannot lock the
    /// contract). A later offer replaces an earlier one.
    function transferAdmin(address newAdmin) external onlyAdmin {
        if (newAdmin == address(0)) revert ZeroAddress();
        pendingAdmin = newAdmin;
        emit AdminTransferStarted(msg.sender, newAdmin);
    }

    /// @notice Takes the admin role offered by transferAdmin.
    function acceptAdmin() external {
        if (msg.sender != pendingAdmin) revert NotPendingAdmin(msg.sender);
        emit AdminTransferred(admin, msg.sender);
        admin = msg.sender;
        pendingAdmin = address(0);
    }

    /// @notice Grants or revokes the model publisher role.
    function setPublisher(address account, bool enabled) external onlyAdmin {
        if (account == address(0)) revert ZeroAddress();
        isPublisher[account] = enabled;
        emit PublisherSet(account, enabled);
    }

    /// @notice Sets the dispute resolver.
    function setResolver(address newResolver) external onlyAdmin {
        if (newResolver == address(0)) revert ZeroAddress();
        emit ResolverChanged(resolver, newResolver);
        resolver = newResolver;
    }

    /// @notice Replaces the anchorer of a log.
    function setAnchorer(bytes32 logId, address newAnchorer) external onlyAdmin {
        if (newAnchorer == address(0)) revert ZeroAddress();
        LogInfo storage l = _logs[logId];
        address previous = l.anchorer;
        if (previous == address(0)) revert UnknownLog(logId);
        l.anchorer = newAnchorer;
        emit AnchorerChanged(logId, previous, newAnchorer);
    }

    // ------------------------------------------------------------------
    // Logs and anchors

    /// @notice Registers a log. logId must be sha256(bytes(origin)).
    function registerLog(bytes32 logId, string calldata origin, bytes32 publicKey, address anchorer)
        external
        onlyAdmin
    {
        _registerLog(logId, origin, publicKey, anchorer);
    }

    function _registerLog(bytes32 logId, string calldata origin, bytes32 publicKey, address anchorer) private {
        if (bytes(origin).length == 0) revert EmptyOrigin();
        bytes32 expected = sha256(bytes(origin));
        if (logId != expected) revert LogIdMismatch(logId, expected);
        if (publicKey == bytes32(0)) revert ZeroPublicKey();
        if (anchorer == address(0)) revert ZeroAddress();
        LogInfo storage l = _logs[logId];
        if (l.anchorer != address(0)) revert LogExists(logId);
        l.anchorer = anchorer;
        l.publicKey = publicKey;
        l.origin = origin;
        _logIds.push(logId);
        emit LogRegistered(logId, origin, publicKey, anchorer);
        emit AnchorerChanged(logId, address(0), anchorer);
    }

    /// @notice Anchors a checkpoint (treeSize, root) of a log. Only the log's
    /// anchorer may call it, and treeSize must exceed the latest anchored size.
    function anchor(bytes32 logId, uint64 treeSize, bytes32 root) external {
        _anchor(logId, treeSize, root);
    }

    /// @notice Anchors several checkpoints in one transaction: all or none.
    /// A log may appear more than once if its sizes grow in order.
    function anchorMany(bytes32[] calldata logIds, uint64[] calldata treeSizes, bytes32[] calldata roots) external {
        uint256 n = logIds.length;
        if (n != treeSizes.length || n != roots.length) {
            revert LengthMismatch(n, treeSizes.length, roots.length);
        }
        if (n == 0) revert EmptyBatch();
        for (uint256 i; i < n; ++i) {
            _anchor(logIds[i], treeSizes[i], roots[i]);
        }
    }

    function _anchor(bytes32 logId, uint64 treeSize, bytes32 root) private {
        LogInfo storage l = _logs[logId];
        address anchorer = l.anchorer;
        if (anchorer == address(0)) revert UnknownLog(logId);
        if (msg.sender != anchorer) revert NotAnchorer(logId, msg.sender);
        if (l.retired) revert LogRetired(logId);
        uint64 latest = l.latestSize;
        if (treeSize <= latest) revert SizeNotGrowing(logId, latest, treeSize);
        if (root == bytes32(0)) revert ZeroRoot(logId, treeSize);
        l.latestSize = treeSize;
        _anchors[logId][treeSize] = Anchor(root, uint64(block.number));
        emit Anchored(logId, treeSize, root);
    }

    /// @notice The root anchored for exactly treeSize, and the block that
    /// anchored it. Reverts NotAnchored if that size was never anchored.
    function rootAt(bytes32 logId, uint64 treeSize) external view returns (bytes32 root, uint64 blockNumber) {
        if (_logs[logId].anchorer == address(0)) revert UnknownLog(logId);
        Anchor storage a = _anchors[logId][treeSize];
        if (a.blockNumber == 0) revert NotAnchored(logId, treeSize);
        return (a.root, a.blockNumber);
    }

    /// @notice The latest anchor of a log; all zero if it was never anchored.
    function latestAnchor(bytes32 logId) external view returns (uint64 treeSize, bytes32 root, uint64 blockNumber) {
        LogInfo storage l = _logs[logId];
        if (l.anchorer == address(0)) revert UnknownLog(logId);
        treeSize = l.latestSize;
        Anchor storage a = _anchors[logId][treeSize];
        return (treeSize, a.root, a.blockNumber);
    }

    /// @notice A registered log's origin, newest public key (the one given
    /// by the last rotation, or at registration if none), anchorer and
    /// latest size. To check a checkpoint, use keyAt(logId, its size).
    function logInfo(bytes32 logId)
        external
        view
        returns (string memory origin, bytes32 publicKey, address anchorer, uint64 latestSize)
    {
        LogInfo storage l = _logs[logId];
        if (l.anchorer == address(0)) revert UnknownLog(logId);
        LogKey[] storage r = _rotations[logId];
        publicKey = r.length == 0 ? l.publicKey : r[r.length - 1].publicKey;
        return (l.origin, publicKey, l.anchorer, l.latestSize);
    }

    /// @notice Number of registered logs.
    function logCount() external view returns (uint256) {
        return _logIds.length;
    }

    /// @notice The id of the i-th registered log (registration order).
    function logIdAt(uint256 i) external view returns (bytes32) {
        if (i >= _logIds.length) revert IndexOutOfRange(i, _logIds.length);
        return _logIds[i];
    }

    // ------------------------------------------------------------------
    // Lifecycle: retirement, succession, key rotation

    /// @notice Retires a log for good: every anchor stays readable, anchor
    /// and anchorMany refuse it (LogRetired), its key can no longer be
    /// rotated. This is how a log frozen by a bad anchor (say size 2^64-1
    /// from a stolen anchorer key) is taken out of service; its line goes on
    /// in a successor (registerSuccessor). Admin only; reason is required and
    /// kept in state.
    function retireLog(bytes32 logId, string calldata reason) external onlyAdmin {
        LogInfo storage l = _logs[logId];
        if (l.anchorer == address(0)) revert UnknownLog(logId);
        if (l.retired) revert LogRetired(logId);
        if (bytes(reason).length == 0) revert EmptyReason();
        l.retired = true;
        Retirement storage t = _retirements[logId];
        t.blockNumber = uint64(block.number);
        t.reason = reason;
        emit Retired(logId, l.latestSize, reason);
    }

    /// @notice Registers a new log (as registerLog does) as the successor of
    /// a retired one. The new log is a new tree under a new origin, anchored
    /// from size 0; successorOf(oldLogId) and predecessorOf(newLogId) link
    /// the two. A log has at most one successor. Admin only.
    function registerSuccessor(
        bytes32 oldLogId,
        bytes32 newLogId,
        string calldata origin,
        bytes32 publicKey,
        address anchorer
    ) external onlyAdmin {
        LogInfo storage old = _logs[oldLogId];
        if (old.anchorer == address(0)) revert UnknownLog(oldLogId);
        if (!old.retired) revert LogNotRetired(oldLogId);
        bytes32 existing = _successor[oldLogId];
        if (existing != bytes32(0)) revert SuccessorExists(oldLogId, existing);
        _registerLog(newLogId, origin, publicKey, anchorer);
        _successor[oldLogId] = newLogId;
        _predecessor[newLogId] = oldLogId;
        emit SuccessorRegistered(oldLogId, newLogId);
    }

    /// @notice Declares a new key for a log's checkpoints of sizes fromSize
    /// and up. fromSize must exceed the latest anchored size
    /// (RotationBelowAnchored) and the previous rotation's fromSize
    /// (RotationOutOfOrder): the key of a size already anchored never
    /// changes. Admin only; refused for a retired log.
    function rotateKey(bytes32 logId, bytes32 newKey, uint64 fromSize) external onlyAdmin {
        LogInfo storage l = _logs[logId];
        if (l.anchorer == address(0)) revert UnknownLog(logId);
        if (l.retired) revert LogRetired(logId);
        if (newKey == bytes32(0)) revert ZeroPublicKey();
        if (fromSize <= l.latestSize) revert RotationBelowAnchored(logId, fromSize, l.latestSize);
        LogKey[] storage r = _rotations[logId];
        if (r.length != 0) {
            uint64 previous = r[r.length - 1].fromSize;
            if (fromSize <= previous) revert RotationOutOfOrder(logId, fromSize, previous);
        }
        r.push(LogKey(newKey, fromSize, uint64(block.number)));
        emit KeyRotated(logId, newKey, fromSize);
    }

    /// @notice The key that signs the log's checkpoint of treeSize: the one
    /// with the greatest fromSize at or below treeSize. For a treeSize at or
    /// below the latest anchored size the answer never changes.
    function keyAt(bytes32 logId, uint64 treeSize) external view returns (LogKey memory) {
        LogInfo storage l = _logs[logId];
        if (l.anchorer == address(0)) revert UnknownLog(logId);
        LogKey[] storage r = _rotations[logId];
        // Binary search for the number of rotations with fromSize <= treeSize.
        uint256 lo;
        uint256 hi = r.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            if (r[mid].fromSize <= treeSize) lo = mid + 1;
            else hi = mid;
        }
        if (lo == 0) return LogKey(l.publicKey, 0, 0);
        return r[lo - 1];
    }

    /// @notice Every key of a log in order: the registration key (fromSize
    /// 0, blockNumber 0), then each rotation.
    function keys(bytes32 logId) external view returns (LogKey[] memory out) {
        LogInfo storage l = _logs[logId];
        if (l.anchorer == address(0)) revert UnknownLog(logId);
        LogKey[] storage r = _rotations[logId];
        out = new LogKey[](r.length + 1);
        out[0] = LogKey(l.publicKey, 0, 0);
        for (uint256 i; i < r.length; ++i) {
            out[i + 1] = r[i];
        }
    }

    /// @notice Whether a log is retired, in which block, and why.
    function retirement(bytes32 logId)
        external
        view
        returns (bool retired, uint64 blockNumber, string memory reason)
    {
        LogInfo storage l = _logs[logId];
        if (l.anchorer == address(0)) revert UnknownLog(logId);
        Retirement storage t = _retirements[logId];
        return (l.retired, t.blockNumber, t.reason);
    }

    /// @notice The successor of a log; zero if it has none.
    function successorOf(bytes32 logId) external view returns (bytes32) {
        if (_logs[logId].anchorer == address(0)) revert UnknownLog(logId);
        return _successor[logId];
    }

    /// @notice The log a log succeeds; zero if it succeeds none.
    function predecessorOf(bytes32 logId) external view returns (bytes32) {
        if (_logs[logId].anchorer == address(0)) revert UnknownLog(logId);
        return _predecessor[logId];
    }

    // ------------------------------------------------------------------
    // Models

    /// @notice Publishes a model version with its lineage. A (name, version)
    /// pair is published once and never changes. Lineage fields may be zero
    /// (not declared); only the non-zero ones are stored. Emits
    /// ModelRegistered, then ModelLineage.
    function registerModel(
        string calldata name,
        string calldata version,
        bytes32 artifactDigest,
        Lineage calldata lineage,
        string calldata metadataURI
    ) external {
        if (!isPublisher[msg.sender]) revert NotPublisher(msg.sender);
        if (bytes(name).length == 0) revert EmptyName();
        if (bytes(version).length == 0) revert EmptyVersion();
        if (artifactDigest == bytes32(0)) revert ZeroDigest();
        ModelVersion storage m = _models[_modelKey(name, version)];
        if (m.artifactDigest != bytes32(0)) revert VersionExists(name, version);
        m.artifactDigest = artifactDigest;
        m.publisher = msg.sender;
        m.blockNumber = uint64(block.number);
        if (bytes(metadataURI).length != 0) m.metadataURI = metadataURI;
        Lineage storage l = m.lineage;
        if (lineage.schemaDigest != bytes32(0)) l.schemaDigest = lineage.schemaDigest;
        if (lineage.manifestRoot != bytes32(0)) l.manifestRoot = lineage.manifestRoot;
        if (lineage.cardDigest != bytes32(0)) l.cardDigest = lineage.cardDigest;
        if (bytes(lineage.codeRef).length != 0) l.codeRef = lineage.codeRef;
        _versions[keccak256(bytes(name))].push(version);
        emit ModelRegistered(name, name, version, artifactDigest, msg.sender, metadataURI);
        emit ModelLineage(
            name, name, version, lineage.schemaDigest, lineage.manifestRoot, lineage.cardDigest, lineage.codeRef
        );
    }

    /// @notice Marks a published version as deprecated, with a reason.
    function deprecateModel(string calldata name, string calldata version, string calldata reason) external {
        if (!isPublisher[msg.sender]) revert NotPublisher(msg.sender);
        ModelVersion storage m = _models[_modelKey(name, version)];
        if (m.artifactDigest == bytes32(0)) revert UnknownVersion(name, version);
        if (m.deprecated) revert AlreadyDeprecated(name, version);
        m.deprecated = true;
        if (bytes(reason).length != 0) m.deprecationReason = reason;
        emit ModelDeprecated(name, name, version, reason);
    }

    /// @notice A published version. Reverts UnknownVersion if there is none.
    function modelVersion(string calldata name, string calldata version) external view returns (ModelVersion memory) {
        ModelVersion storage m = _models[_modelKey(name, version)];
        if (m.artifactDigest == bytes32(0)) revert UnknownVersion(name, version);
        return m;
    }

    /// @notice The versions of a model, in publication order.
    function versionsOf(string calldata name) external view returns (string[] memory) {
        return _versions[keccak256(bytes(name))];
    }

    function _modelKey(string calldata name, string calldata version) private pure returns (bytes32) {
        return keccak256(abi.encode(name, version));
    }

    // ------------------------------------------------------------------
    // Disputes

    /// @notice Files a dispute against an anchored log entry: leafIndex
    /// must be below the latest anchored size (LeafNotAnchored). Anyone may
    /// call it; a caller may have one open dispute per entry
    /// (DuplicateDispute) and disputeLimit(caller) in all
    /// (TooManyOpenDisputes) until the resolver closes some.
    /// @return id the dispute id, counting from 1.
    function fileDispute(bytes32 logId, uint64 leafIndex, bytes32 leafHash, string calldata reasonURI)
        external
        returns (uint256 id)
    {
        LogInfo storage l = _logs[logId];
        if (l.anchorer == address(0)) revert UnknownLog(logId);
        if (leafHash == bytes32(0)) revert ZeroLeafHash();
        if (bytes(reasonURI).length == 0) revert EmptyReason();
        if (leafIndex >= l.latestSize) revert LeafNotAnchored(logId, leafIndex, l.latestSize);
        bytes32 leafKey = _leafKey(msg.sender, logId, leafIndex);
        uint256 openId = _openByLeaf[leafKey];
        if (openId != 0) revert DuplicateDispute(logId, leafIndex, msg.sender, openId);
        Filer storage f = _filers[msg.sender];
        uint32 open = f.open;
        uint256 limit = f.limit == 0 ? MAX_OPEN_DISPUTES : f.limit;
        if (open >= limit) revert TooManyOpenDisputes(msg.sender, limit);
        f.open = open + 1;
        Dispute storage d = _disputes.push();
        d.logId = logId;
        d.leafIndex = leafIndex;
        d.filedBlock = uint64(block.number);
        d.status = DisputeStatus.Open;
        d.filer = msg.sender;
        d.leafHash = leafHash;
        d.reasonURI = reasonURI;
        id = _disputes.length;
        _openByLeaf[leafKey] = id;
        emit DisputeFiled(id, logId, msg.sender, leafIndex, leafHash, reasonURI);
    }

    /// @notice Closes an open dispute as Upheld or Rejected. Resolver only.
    function resolveDispute(uint256 id, DisputeStatus outcome, string calldata resolutionURI) external {
        if (msg.sender != resolver) revert NotResolver(msg.sender);
        if (outcome != DisputeStatus.Upheld && outcome != DisputeStatus.Rejected) revert InvalidOutcome(outcome);
        if (id == 0 || id > _disputes.length) revert UnknownDispute(id);
        Dispute storage d = _disputes[id - 1];
        if (d.status != DisputeStatus.Open) revert DisputeClosed(id, d.status);
        d.status = outcome;
        d.resolutionURI = resolutionURI;
        address filer = d.filer;
        delete _openByLeaf[_leafKey(filer, d.logId, d.leafIndex)];
        _filers[filer].open -= 1;
        emit DisputeResolved(id, d.logId, outcome, resolutionURI);
    }

    /// @notice How many disputes filer has open.
    function openDisputes(address filer) external view returns (uint256) {
        return _filers[filer].open;
    }

    /// @notice Sets how many disputes filer may have open at once: a
    /// lender's dispute desk files for many applicants from one address.
    /// limit 0 restores MAX_OPEN_DISPUTES; at most MAX_DISPUTE_LIMIT
    /// (DisputeLimitTooHigh). A limit below the filer's open count refuses
    /// new disputes until enough are resolved; open ones stay open. Admin
    /// only.
    function setDisputeLimit(address filer, uint32 limit) external onlyAdmin {
        if (filer == address(0)) revert ZeroAddress();
        if (limit > MAX_DISPUTE_LIMIT) revert DisputeLimitTooHigh(filer, limit, MAX_DISPUTE_LIMIT);
        _filers[filer].limit = limit;
        emit DisputeLimitSet(filer, limit);
    }

    /// @notice How many disputes filer may have open at once.
    function disputeLimit(address filer) external view returns (uint256) {
        uint32 limit = _filers[filer].limit;
        return limit == 0 ? MAX_OPEN_DISPUTES : limit;
    }

    /// @notice The id of filer's open dispute against an entry; 0 if none.
    function openDisputeOf(address filer, bytes32 logId, uint64 leafIndex) external view returns (uint256) {
        return _openByLeaf[_leafKey(filer, logId, leafIndex)];
    }

    function _leafKey(address filer, bytes32 logId, uint64 leafIndex) private pure returns (bytes32) {
        return keccak256(abi.encode(filer, logId, leafIndex));
    }

    /// @notice A dispute by id. Reverts UnknownDispute if there is none.
    function dispute(uint256 id) external view returns (Dispute memory) {
        if (id == 0 || id > _disputes.length) revert UnknownDispute(id);
        return _disputes[id - 1];
    }

    /// @notice Number of disputes filed.
    function disputeCount() external view returns (uint256) {
        return _disputes.length;
    }
}
