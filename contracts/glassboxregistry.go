// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package contracts

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// GlassboxRegistryDispute is an auto generated low-level Go binding around an user-defined struct.
type GlassboxRegistryDispute struct {
	LogId         [32]byte
	LeafIndex     uint64
	FiledBlock    uint64
	Status        uint8
	Filer         common.Address
	LeafHash      [32]byte
	ReasonURI     string
	ResolutionURI string
}

// GlassboxRegistryLineage is an auto generated low-level Go binding around an user-defined struct.
type GlassboxRegistryLineage struct {
	SchemaDigest [32]byte
	ManifestRoot [32]byte
	CardDigest   [32]byte
	CodeRef      string
}

// GlassboxRegistryLogKey is an auto generated low-level Go binding around an user-defined struct.
type GlassboxRegistryLogKey struct {
	PublicKey   [32]byte
	FromSize    uint64
	BlockNumber uint64
}

// GlassboxRegistryModelVersion is an auto generated low-level Go binding around an user-defined struct.
type GlassboxRegistryModelVersion struct {
	ArtifactDigest    [32]byte
	Publisher         common.Address
	BlockNumber       uint64
	Deprecated        bool
	MetadataURI       string
	DeprecationReason string
	Lineage           GlassboxRegistryLineage
}

// GlassboxRegistryMetaData contains all meta data concerning the GlassboxRegistry contract.
var GlassboxRegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"AlreadyDeprecated\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"DisputeClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"limit\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"max\",\"type\":\"uint32\"}],\"name\":\"DisputeLimitTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"openId\",\"type\":\"uint256\"}],\"name\":\"DuplicateDispute\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyBatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyName\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyOrigin\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyReason\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyVersion\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"IndexOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"outcome\",\"type\":\"uint8\"}],\"name\":\"InvalidOutcome\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"}],\"name\":\"LeafNotAnchored\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"logIds\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"treeSizes\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roots\",\"type\":\"uint256\"}],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"LogExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"expected\",\"type\":\"bytes32\"}],\"name\":\"LogIdMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"LogNotRetired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"LogRetired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotAdmin\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"NotAnchored\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotAnchorer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPendingAdmin\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPublisher\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotResolver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"}],\"name\":\"RotationBelowAnchored\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"previousFromSize\",\"type\":\"uint64\"}],\"name\":\"RotationOutOfOrder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"SizeNotGrowing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"successor\",\"type\":\"bytes32\"}],\"name\":\"SuccessorExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"}],\"name\":\"TooManyOpenDisputes\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"UnknownDispute\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"UnknownLog\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"UnknownVersion\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"VersionExists\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroDigest\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroLeafHash\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroPublicKey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"ZeroRoot\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"pendingAdmin\",\"type\":\"address\"}],\"name\":\"AdminTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousAdmin\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newAdmin\",\"type\":\"address\"}],\"name\":\"AdminTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"Anchored\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousAnchorer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newAnchorer\",\"type\":\"address\"}],\"name\":\"AnchorerChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"leafHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reasonURI\",\"type\":\"string\"}],\"name\":\"DisputeFiled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"limit\",\"type\":\"uint32\"}],\"name\":\"DisputeLimitSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"outcome\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"resolutionURI\",\"type\":\"string\"}],\"name\":\"DisputeResolved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"}],\"name\":\"KeyRotated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"}],\"name\":\"LogRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"string\",\"name\":\"nameKey\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"ModelDeprecated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"string\",\"name\":\"nameKey\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"schemaDigest\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"manifestRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"cardDigest\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"codeRef\",\"type\":\"string\"}],\"name\":\"ModelLineage\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"string\",\"name\":\"nameKey\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"artifactDigest\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"ModelRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"enabled\",\"type\":\"bool\"}],\"name\":\"PublisherSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousResolver\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newResolver\",\"type\":\"address\"}],\"name\":\"ResolverChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"finalSize\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"Retired\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"successor\",\"type\":\"bytes32\"}],\"name\":\"SuccessorRegistered\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_DISPUTE_LIMIT\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_OPEN_DISPUTES\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptAdmin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"admin\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"anchor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"logIds\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint64[]\",\"name\":\"treeSizes\",\"type\":\"uint64[]\"},{\"internalType\":\"bytes32[]\",\"name\":\"roots\",\"type\":\"bytes32[]\"}],\"name\":\"anchorMany\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"deprecateModel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"dispute\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"filedBlock\",\"type\":\"uint64\"},{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"leafHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reasonURI\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"resolutionURI\",\"type\":\"string\"}],\"internalType\":\"structGlassboxRegistry.Dispute\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"disputeCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"}],\"name\":\"disputeLimit\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"leafHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reasonURI\",\"type\":\"string\"}],\"name\":\"fileDispute\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"isPublisher\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"keyAt\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"internalType\":\"structGlassboxRegistry.LogKey\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"keys\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"internalType\":\"structGlassboxRegistry.LogKey[]\",\"name\":\"out\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"latestAnchor\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"logCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"logIdAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"logInfo\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"modelVersion\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"artifactDigest\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"deprecated\",\"type\":\"bool\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"deprecationReason\",\"type\":\"string\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schemaDigest\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"cardDigest\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"codeRef\",\"type\":\"string\"}],\"internalType\":\"structGlassboxRegistry.Lineage\",\"name\":\"lineage\",\"type\":\"tuple\"}],\"internalType\":\"structGlassboxRegistry.ModelVersion\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"}],\"name\":\"openDisputeOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"}],\"name\":\"openDisputes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingAdmin\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"predecessorOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"}],\"name\":\"registerLog\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"artifactDigest\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schemaDigest\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"manifestRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"cardDigest\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"codeRef\",\"type\":\"string\"}],\"internalType\":\"structGlassboxRegistry.Lineage\",\"name\":\"lineage\",\"type\":\"tuple\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"registerModel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"oldLogId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"newLogId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"}],\"name\":\"registerSuccessor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"outcome\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"resolutionURI\",\"type\":\"string\"}],\"name\":\"resolveDispute\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"resolver\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"retireLog\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"retirement\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"retired\",\"type\":\"bool\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"rootAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"newKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"}],\"name\":\"rotateKey\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"newAnchorer\",\"type\":\"address\"}],\"name\":\"setAnchorer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"limit\",\"type\":\"uint32\"}],\"name\":\"setDisputeLimit\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"enabled\",\"type\":\"bool\"}],\"name\":\"setPublisher\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newResolver\",\"type\":\"address\"}],\"name\":\"setResolver\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"successorOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newAdmin\",\"type\":\"address\"}],\"name\":\"transferAdmin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"versionsOf\",\"outputs\":[{\"internalType\":\"string[]\",\"name\":\"\",\"type\":\"string[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "GlassboxRegistry",
	Bin: "0x6080604052348015600e575f5ffd5b505f8054336001600160a01b03199182168117835560028054909216811790915580825260036020526040808320805460ff19166001179055519091907ff8ccb027dfcd135e000e9d45e6cc2d662578a8825d4c45b5e32e0adf67e79ec6908290a360405133905f907fb6da02d7f709053860937d05075ac827880d84a5ec2267ed2b8a76714302f4fc908290a36040516001815233907f7caa8f8f06897e1155bc1f07edd62aa5b0c96ea5f16f620688d633a9769ff4b89060200160405180910390a2613a98806100df5f395ff3fe608060405234801561000f575f5ffd5b5060043610610234575f3560e01c80639938cc3411610135578063c316939c116100b4578063dde5b7a111610079578063dde5b7a114610593578063e2af2ee0146105b3578063edeff53f146105c6578063f851a440146105d9578063fe554613146105eb575f5ffd5b8063c316939c14610522578063c7e6c80b14610535578063c8f2f1831461053d578063d0712f6b14610550578063dbbcee3514610570575f5ffd5b8063b629d6fd116100fa578063b629d6fd14610499578063b8759065146104d6578063bca1c086146104e9578063bcb7a489146104fc578063bfe96aa31461050f575f5ffd5b80639938cc3414610441578063a28889e114610454578063a503898f1461045c578063aaa8ab2114610464578063ae1f5f9414610477575f5ffd5b80634152a459116101c157806370c127c61161018657806370c127c6146103b8578063728f1753146103cb57806375829def146103de57806386d6282c146103f1578063930b6ace14610411575f5ffd5b80634152a4591461033a57806341859ac81461034d5780634e543b261461037f57806353a055d214610392578063618bb079146103a5575f5ffd5b806318dd2deb1161020757806318dd2deb146102a657806326782247146102b95780632cf5cf8b146102cc57806335bb1315146102ec5780633a9e358a1461031a575f5ffd5b806304f3bcec1461023857806306e5cbec146102685780630e18b68114610289578063156bd35b14610293575b5f5ffd5b60025461024b906001600160a01b031681565b6040516001600160a01b0390911681526020015b60405180910390f35b61027b610276366004612c61565b61060a565b60405190815260200161025f565b610291610658565b005b6102916102a1366004612cb8565b6106db565b61027b6102b4366004612d85565b6107b7565b60015461024b906001600160a01b031681565b6102df6102da366004612dfb565b6107de565b60405161025f9190612e67565b61027b6102fa366004612eca565b6001600160a01b03165f908152600a602052604090205463ffffffff1690565b61032d610328366004612ee3565b6108dc565b60405161025f9190612f0d565b61027b610348366004612eca565b610a5b565b61036f61035b366004612eca565b60036020525f908152604090205460ff1681565b604051901515815260200161025f565b61029161038d366004612eca565b610a9c565b6102916103a0366004612f44565b610b4a565b6102916103b3366004612fce565b610c87565b6102916103c6366004613007565b610d39565b6102916103d936600461303a565b610d49565b6102916103ec366004612eca565b610e9b565b6104046103ff366004612c61565b610f39565b60405161025f91906130b5565b61042461041f366004612ee3565b61119b565b604080519283526001600160401b0390911660208301520161025f565b61029161044f366004613163565b61124d565b60095461027b565b60065461027b565b61027b610472366004612c61565b61128d565b61048a610485366004612c61565b6112d6565b60405161025f939291906131c4565b6104ac6104a7366004612c61565b6113da565b604080516001600160401b039485168152602081019390935292169181019190915260600161025f565b6102916104e43660046131ed565b611458565b61027b6104f7366004613256565b611580565b61029161050a3660046132b8565b611891565b61029161051d3660046132d9565b61196d565b61029161053036600461330b565b611a76565b61027b600881565b61029161054b366004613365565b611cbd565b61056361055e36600461338e565b611f05565b60405161025f919061341a565b61058361057e366004612c61565b612192565b60405161025f94939291906134b4565b6105a66105a1366004612c61565b6122e6565b60405161025f91906134f4565b6102916105c136600461356a565b612489565b61027b6105d4366004612c61565b61274f565b5f5461024b906001600160a01b031681565b6105f56210000081565b60405163ffffffff909116815260200161025f565b5f818152600460205260408120546001600160a01b031661064657604051633d199f1160e01b8152600481018390526024015b60405180910390fd5b505f908152600e602052604090205490565b6001546001600160a01b0316331461068557604051631d0022d160e01b815233600482015260240161063d565b5f805460405133926001600160a01b03909216917ff8ccb027dfcd135e000e9d45e6cc2d662578a8825d4c45b5e32e0adf67e79ec691a35f80546001600160a01b03199081163317909155600180549091169055565b8483811415806106eb5750808214155b1561071a57604051638ee979f560e01b815260048101829052602481018590526044810183905260640161063d565b805f0361073a5760405163c2e5347d60e01b815260040160405180910390fd5b5f5b818110156107ad576107a58888838181106107595761075961363c565b905060200201358787848181106107725761077261363c565b90506020020160208101906107879190613650565b8686858181106107995761079961363c565b905060200201356127a4565b60010161073c565b5050505050505050565b5f600b5f6107c6868686612962565b81526020019081526020015f205490505b9392505050565b606060085f84846040516107f3929190613669565b604051809103902081526020019081526020015f20805480602002602001604051908101604052809291908181526020015f905b828210156108cf578382905f5260205f2001805461084490613678565b80601f016020809104026020016040519081016040528092919081815260200182805461087090613678565b80156108bb5780601f10610892576101008083540402835291602001916108bb565b820191905f5260205f20905b81548152906001019060200180831161089e57829003601f168201915b505050505081526020019060010190610827565b5050505090505b92915050565b604080516060810182525f80825260208201819052918101919091525f83815260046020526040902080546001600160a01b031661093057604051633d199f1160e01b81526004810185905260240161063d565b5f848152600f6020526040812080549091905b808210156109bd575f600261095883856136c4565b61096291906136d7565b9050866001600160401b03168482815481106109805761098061363c565b5f9182526020909120600160029092020101546001600160401b0316116109b3576109ac8160016136c4565b92506109b7565b8091505b50610943565b815f036109ec5750506040805160608101825260019093015483525f60208401819052908301525090506108d6565b826109f86001846136f6565b81548110610a0857610a0861363c565b5f91825260209182902060408051606081018252600290930290910180548352600101546001600160401b0380821694840194909452600160401b90049092169181019190915294505050505092915050565b6001600160a01b0381165f908152600a6020526040812054640100000000900463ffffffff168015610a93578063ffffffff166107d7565b60089392505050565b5f546001600160a01b03163314610ac857604051630bd4212160e11b815233600482015260240161063d565b6001600160a01b038116610aef5760405163d92e233d60e01b815260040160405180910390fd5b6002546040516001600160a01b038084169216907fb6da02d7f709053860937d05075ac827880d84a5ec2267ed2b8a76714302f4fc905f90a3600280546001600160a01b0319166001600160a01b0392909216919091179055565b335f9081526003602052604090205460ff16610b7b5760405163e35593b560e01b815233600482015260240161063d565b5f60075f610b8b898989896129ae565b815260208101919091526040015f208054909150610bc4578686868660405163237ac1e960e21b815260040161063d9493929190613731565b6001810154600160e01b900460ff1615610bf95786868686604051636bb8518560e01b815260040161063d9493929190613731565b60018101805460ff60e01b1916600160e01b1790558115610c255760038101610c238385836137ba565b505b8686604051610c35929190613669565b60405180910390207f5ca5d121144690757882b3c5a1ea1a47a8e11865925c874f1b77e326a010b999888888888888604051610c7696959493929190613873565b60405180910390a250505050505050565b5f546001600160a01b03163314610cb357604051630bd4212160e11b815233600482015260240161063d565b6001600160a01b038216610cda5760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0382165f81815260036020908152604091829020805460ff191685151590811790915591519182527f7caa8f8f06897e1155bc1f07edd62aa5b0c96ea5f16f620688d633a9769ff4b891015b60405180910390a25050565b610d448383836127a4565b505050565b5f546001600160a01b03163314610d7557604051630bd4212160e11b815233600482015260240161063d565b5f83815260046020526040902080546001600160a01b0316610dad57604051633d199f1160e01b81526004810185905260240161063d565b8054600160e01b900460ff1615610dda57604051631105143f60e21b81526004810185905260240161063d565b5f829003610dfb5760405163db72b02360e01b815260040160405180910390fd5b805460ff60e01b1916600160e01b1781555f848152600c6020526040902080546001600160401b03431667ffffffffffffffff1990911617815560018101610e448486836137ba565b50815460405186917f8fd40818f07eea877662db55398a0b37ec554e1c2bad4677ff5dcbc70018649f91610e8c91600160a01b90046001600160401b031690889088906138bb565b60405180910390a25050505050565b5f546001600160a01b03163314610ec757604051630bd4212160e11b815233600482015260240161063d565b6001600160a01b038116610eee5760405163d92e233d60e01b815260040160405180910390fd5b600180546001600160a01b0319166001600160a01b03831690811790915560405133907fe5cd1c804f1c9cc6d7009e4c0fb532f0e2d8863524c3323a6b3790c3f80bf25c905f90a350565b610f8760408051610100810182525f8082526020820181905291810182905290606082019081526020015f6001600160a01b031681526020015f815260200160608152602001606081525090565b811580610f95575060095482115b15610fb657604051638f09a29b60e01b81526004810183905260240161063d565b6009610fc36001846136f6565b81548110610fd357610fd361363c565b5f918252602091829020604080516101008101825260069093029091018054835260018101546001600160401b0380821695850195909552600160401b8104909416918301919091529091606083019060ff600160801b90910416600381111561103f5761103f613081565b600381111561105057611050613081565b815260028201546001600160a01b031660208201526003820154604082015260048201805460609092019161108490613678565b80601f01602080910402602001604051908101604052809291908181526020018280546110b090613678565b80156110fb5780601f106110d2576101008083540402835291602001916110fb565b820191905f5260205f20905b8154815290600101906020018083116110de57829003601f168201915b5050505050815260200160058201805461111490613678565b80601f016020809104026020016040519081016040528092919081815260200182805461114090613678565b801561118b5780601f106111625761010080835404028352916020019161118b565b820191905f5260205f20905b81548152906001019060200180831161116e57829003601f168201915b5050505050815250509050919050565b5f8281526004602052604081205481906001600160a01b03166111d457604051633d199f1160e01b81526004810185905260240161063d565b5f8481526005602090815260408083206001600160401b03808816855292528220600181015490929116900361122f57604051632c1afcf960e21b8152600481018690526001600160401b038516602482015260440161063d565b80546001909101549092506001600160401b031690505b9250929050565b5f546001600160a01b0316331461127957604051630bd4212160e11b815233600482015260240161063d565b61128685858585856129e6565b5050505050565b5f818152600460205260408120546001600160a01b03166112c457604051633d199f1160e01b81526004810183905260240161063d565b505f908152600d602052604090205490565b5f818152600460205260408120805482916060916001600160a01b031661131357604051633d199f1160e01b81526004810186905260240161063d565b5f858152600c6020526040902081548154600183018054600160e01b90930460ff16926001600160401b0390921691819061134d90613678565b80601f016020809104026020016040519081016040528092919081815260200182805461137990613678565b80156113c45780601f1061139b576101008083540402835291602001916113c4565b820191905f5260205f20905b8154815290600101906020018083116113a757829003601f168201915b5050505050905094509450945050509193909250565b5f8181526004602052604081208054829182916001600160a01b031661141657604051633d199f1160e01b81526004810186905260240161063d565b545f8581526005602090815260408083206001600160401b03600160a01b90950485168085529252909120805460019091015491955093501690509193909250565b5f546001600160a01b0316331461148457604051630bd4212160e11b815233600482015260240161063d565b5f86815260046020526040902080546001600160a01b03166114bc57604051633d199f1160e01b81526004810188905260240161063d565b8054600160e01b900460ff166114e85760405163230b83a160e01b81526004810188905260240161063d565b5f878152600d6020526040902054801561151f5760405163141e0b6b60e31b8152600481018990526024810182905260440161063d565b61152c87878787876129e6565b5f888152600d602090815260408083208a9055898352600e9091528082208a90555188918a917fa0900a35278c9cfaf7f7e94c9703f4fa742d08e11847f67934053785e1355ae79190a35050505050505050565b5f85815260046020526040812080546001600160a01b03166115b857604051633d199f1160e01b81526004810188905260240161063d565b846115d65760405163dde144b360e01b815260040160405180910390fd5b5f8390036115f75760405163db72b02360e01b815260040160405180910390fd5b80546001600160401b03600160a01b90910481169087161061165157805460405163965bdea160e01b8152600481018990526001600160401b038089166024830152600160a01b909204909116604482015260640161063d565b5f61165d338989612962565b5f818152600b602052604090205490915080156116ac5760405163127b740560e21b8152600481018a90526001600160401b03891660248201523360448201526064810182905260840161063d565b335f908152600a602052604081208054909163ffffffff80831692640100000000900416156116ea578254640100000000900463ffffffff166116ed565b60085b9050808263ffffffff161061171e576040516305806f4160e41b81523360048201526024810182905260440161063d565b6117298260016138dd565b835f015f6101000a81548163ffffffff021916908363ffffffff1602179055505f600960018160018154018082558091505003905f5260205f20906006020190508c815f01819055508b816001015f6101000a8154816001600160401b0302191690836001600160401b03160217905550438160010160086101000a8154816001600160401b0302191690836001600160401b0316021790555060018160010160106101000a81548160ff021916908360038111156117ea576117ea613081565b02179055506002810180546001600160a01b03191633179055600381018b9055600481016118198a8c836137ba565b50600980549050975087600b5f8881526020019081526020015f2081905550336001600160a01b03168d897f0cc265aecc03b9f6cbfc6b563f676020d5b859cbfb4287563e8e4b89f7cb7a1b8f8f8f8f60405161187994939291906138f9565b60405180910390a45050505050505095945050505050565b5f546001600160a01b031633146118bd57604051630bd4212160e11b815233600482015260240161063d565b6001600160a01b0381166118e45760405163d92e233d60e01b815260040160405180910390fd5b5f82815260046020526040902080546001600160a01b03168061191d57604051633d199f1160e01b81526004810185905260240161063d565b81546001600160a01b0319166001600160a01b0384811691821784556040519083169086907f8898da45126dc1dcc361978a844bf411f41a79c93765f3ade20c2b94e02d381f905f90a450505050565b5f546001600160a01b0316331461199957604051630bd4212160e11b815233600482015260240161063d565b6001600160a01b0382166119c05760405163d92e233d60e01b815260040160405180910390fd5b6210000063ffffffff82161115611a0a576040516357d9438360e11b81526001600160a01b038316600482015263ffffffff8216602482015262100000604482015260640161063d565b6001600160a01b0382165f818152600a6020908152604091829020805467ffffffff00000000191664010000000063ffffffff87169081029190911790915591519182527f92d6907b709887cb945f6fb513a91412cd9f0c62a0fbb257c8de2d5744a97f759101610d2d565b6002546001600160a01b03163314611aa3576040516301050cfb60e31b815233600482015260240161063d565b6002836003811115611ab757611ab7613081565b14158015611ad757506003836003811115611ad457611ad4613081565b14155b15611af75782604051634262666360e01b815260040161063d919061392b565b831580611b05575060095484115b15611b2657604051638f09a29b60e01b81526004810185905260240161063d565b5f6009611b346001876136f6565b81548110611b4457611b4461363c565b5f91825260209091206006909102019050600180820154600160801b900460ff166003811115611b7657611b76613081565b14611ba957848160010160109054906101000a900460ff16604051632082230f60e01b815260040161063d929190613939565b60018101805485919060ff60801b1916600160801b836003811115611bd057611bd0613081565b021790555060058101611be48385836137ba565b506002810154815460018301546001600160a01b0390921691600b915f91611c169185916001600160401b0316612962565b815260208082019290925260409081015f9081208190556001600160a01b0384168152600a9092528120805460019290611c5790849063ffffffff1661394d565b92506101000a81548163ffffffff021916908363ffffffff160217905550815f0154867f610df23b8091fec8296d24fcf1c14767c198d992d4fc25b9a117bf1d2aac13b9878787604051611cad93929190613969565b60405180910390a3505050505050565b5f546001600160a01b03163314611ce957604051630bd4212160e11b815233600482015260240161063d565b5f83815260046020526040902080546001600160a01b0316611d2157604051633d199f1160e01b81526004810185905260240161063d565b8054600160e01b900460ff1615611d4e57604051631105143f60e21b81526004810185905260240161063d565b82611d6c576040516358f6ee4160e11b815260040160405180910390fd5b80546001600160401b03600160a01b909104811690831611611dc6578054604051630a5485a960e21b8152600481018690526001600160401b038085166024830152600160a01b909204909116604482015260640161063d565b5f848152600f60205260409020805415611e595780545f908290611dec906001906136f6565b81548110611dfc57611dfc61363c565b5f9182526020909120600160029092020101546001600160401b03908116915084168110611e575760405163218dd31560e11b8152600481018790526001600160401b0380861660248301528216604482015260640161063d565b505b604080516060810182528581526001600160401b038581166020808401828152438416858701908152875460018082018a555f8a815285902097516002909202909701908155915191909501805495518516600160401b026fffffffffffffffffffffffffffffffff1990961691909416179390931790915582518781529182015286917f9a3d8619dc4d8a24e7406792d9188714fd8b775bbf24dbee3f50f6437ae444469101610e8c565b611f0d612bef565b5f60075f611f1d888888886129ae565b815260208101919091526040015f208054909150611f56578585858560405163237ac1e960e21b815260040161063d9493929190613731565b6040805160e0810182528254815260018301546001600160a01b0381166020830152600160a01b81046001600160401b031692820192909252600160e01b90910460ff161515606082015260028201805483916080840191611fb790613678565b80601f0160208091040260200160405190810160405280929190818152602001828054611fe390613678565b801561202e5780601f106120055761010080835404028352916020019161202e565b820191905f5260205f20905b81548152906001019060200180831161201157829003601f168201915b5050505050815260200160038201805461204790613678565b80601f016020809104026020016040519081016040528092919081815260200182805461207390613678565b80156120be5780601f10612095576101008083540402835291602001916120be565b820191905f5260205f20905b8154815290600101906020018083116120a157829003601f168201915b50505050508152602001600482016040518060800160405290815f8201548152602001600182015481526020016002820154815260200160038201805461210490613678565b80601f016020809104026020016040519081016040528092919081815260200182805461213090613678565b801561217b5780601f106121525761010080835404028352916020019161217b565b820191905f5260205f20905b81548152906001019060200180831161215e57829003601f168201915b505050919092525050509052509695505050505050565b5f81815260046020526040812080546060929182918291906001600160a01b03166121d357604051633d199f1160e01b81526004810187905260240161063d565b5f868152600f6020526040902080541561221b57805481906121f7906001906136f6565b815481106122075761220761363c565b905f5260205f2090600202015f0154612221565b81600101545b82546002840180549297509187916001600160a01b03811691600160a01b9091046001600160401b031690849061225790613678565b80601f016020809104026020016040519081016040528092919081815260200182805461228390613678565b80156122ce5780601f106122a5576101008083540402835291602001916122ce565b820191905f5260205f20905b8154815290600101906020018083116122b157829003601f168201915b50505050509350955095509550955050509193509193565b5f8181526004602052604090208054606091906001600160a01b031661232257604051633d199f1160e01b81526004810184905260240161063d565b5f838152600f60205260409020805461233c9060016136c4565b6001600160401b0381111561235357612353613762565b60405190808252806020026020018201604052801561239c57816020015b604080516060810182525f80825260208083018290529282015282525f199092019101816123715790505b5092506040518060600160405280836001015481526020015f6001600160401b031681526020015f6001600160401b0316815250835f815181106123e2576123e261363c565b60200260200101819052505f5b81548110156124815781818154811061240a5761240a61363c565b5f918252602091829020604080516060810182526002909302909101805483526001908101546001600160401b0380821695850195909552600160401b90049093169082015290859061245e9084906136c4565b8151811061246e5761246e61363c565b60209081029190910101526001016123ef565b505050919050565b335f9081526003602052604090205460ff166124ba5760405163e35593b560e01b815233600482015260240161063d565b5f8790036124db57604051632ef1310560e01b815260040160405180910390fd5b5f8590036124fc57604051632e56a66b60e11b815260040160405180910390fd5b8361251a5760405163506f3a1b60e01b815260040160405180910390fd5b5f60075f61252a8b8b8b8b6129ae565b815260208101919091526040015f2080549091501561256457888888886040516335c2c02560e21b815260040161063d9493929190613731565b8481556001810180546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b436001600160401b03160217905581156125b157600281016125af8385836137ba565b505b600481018435156125c157843581555b6020850135156125d657602085013560018201555b6040850135156125eb57604085013560028201555b6125f86060860186613989565b15905061261e5761260c6060860186613989565b600383019161261c9190836137ba565b505b60085f8b8b604051612631929190613669565b60408051918290039091208252602080830193909352015f908120805460018101825590825291902001612666888a836137ba565b50336001600160a01b0316868b8b604051612682929190613669565b60405180910390207f653fdb9f2fb4d5a384b5bb8cd603e6a94671f205883d96c50914da07d7a2f3868d8d8d8d8b8b6040516126c396959493929190613873565b60405180910390a489896040516126db929190613669565b60405180910390207fe8f024b061c18ed17e1b39176a2788a821cef5102d517f1ace0402963e209bc78b8b8b8b8a5f01358b602001358c604001358d80606001906127269190613989565b60405161273b999897969594939291906139cb565b60405180910390a250505050505050505050565b6006545f908210612781576006546040516394666f0d60e01b815261063d918491600401918252602082015260400190565b600682815481106127945761279461363c565b905f5260205f2001549050919050565b5f83815260046020526040902080546001600160a01b0316806127dd57604051633d199f1160e01b81526004810186905260240161063d565b336001600160a01b0382161461280f57604051630529a7e560e01b81526004810186905233602482015260440161063d565b8154600160e01b900460ff161561283c57604051631105143f60e21b81526004810186905260240161063d565b81546001600160401b03600160a01b9091048116908516811061288b5760405162e33ded60e71b8152600481018790526001600160401b0380831660248301528616604482015260640161063d565b836128bb57604051631b60053b60e31b8152600481018790526001600160401b038616602482015260440161063d565b825467ffffffffffffffff60a01b1916600160a01b6001600160401b0387811691820292909217855560408051808201825287815243841660208083019182525f8c8152600582528481208682528252849020925183559051600192909201805467ffffffffffffffff1916929095169190911790935551868152909188917fbea4d11b910aad40d2df2a90d97a3329219b6389f85777c99daad7eb5fafd4399101611cad565b604080516001600160a01b03851660208201529081018390526001600160401b03821660608201525f906080016040516020818303038152906040528051906020012090509392505050565b5f848484846040516020016129c69493929190613731565b604051602081830303815290604052805190602001209050949350505050565b5f839003612a07576040516319cb0b0d60e11b815260040160405180910390fd5b5f60028585604051612a1a929190613669565b602060405180830381855afa158015612a35573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190612a589190613a28565b9050808614612a84576040516305cb37c360e31b8152600481018790526024810182905260440161063d565b82612aa2576040516358f6ee4160e11b815260040160405180910390fd5b6001600160a01b038216612ac95760405163d92e233d60e01b815260040160405180910390fd5b5f86815260046020526040902080546001600160a01b031615612b0257604051630e97eae160e11b81526004810188905260240161063d565b80546001600160a01b0319166001600160a01b0384161781556001810184905560028101612b318688836137ba565b50600680546001810182555f919091527ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f018790556040516001600160a01b0384169088907f8ce5412b2fbb70e5dd37fb309fd1a552e6de8a5e69295ca3457cabfd36fc618290612ba7908a908a908a90613a3f565b60405180910390a36040516001600160a01b038416905f9089907f8898da45126dc1dcc361978a844bf411f41a79c93765f3ade20c2b94e02d381f908390a450505050505050565b6040518060e001604052805f81526020015f6001600160a01b031681526020015f6001600160401b031681526020015f151581526020016060815260200160608152602001612c5c60405180608001604052805f81526020015f81526020015f8152602001606081525090565b905290565b5f60208284031215612c71575f5ffd5b5035919050565b5f5f83601f840112612c88575f5ffd5b5081356001600160401b03811115612c9e575f5ffd5b6020830191508360208260051b8501011115611246575f5ffd5b5f5f5f5f5f5f60608789031215612ccd575f5ffd5b86356001600160401b03811115612ce2575f5ffd5b612cee89828a01612c78565b90975095505060208701356001600160401b03811115612d0c575f5ffd5b612d1889828a01612c78565b90955093505060408701356001600160401b03811115612d36575f5ffd5b612d4289828a01612c78565b979a9699509497509295939492505050565b80356001600160a01b0381168114612d6a575f5ffd5b919050565b80356001600160401b0381168114612d6a575f5ffd5b5f5f5f60608486031215612d97575f5ffd5b612da084612d54565b925060208401359150612db560408501612d6f565b90509250925092565b5f5f83601f840112612dce575f5ffd5b5081356001600160401b03811115612de4575f5ffd5b602083019150836020828501011115611246575f5ffd5b5f5f60208385031215612e0c575f5ffd5b82356001600160401b03811115612e21575f5ffd5b612e2d85828601612dbe565b90969095509350505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b82811015612ebe57603f19878603018452612ea9858351612e39565b94506020938401939190910190600101612e8d565b50929695505050505050565b5f60208284031215612eda575f5ffd5b6107d782612d54565b5f5f60408385031215612ef4575f5ffd5b82359150612f0460208401612d6f565b90509250929050565b606081016108d68284805182526001600160401b0360208201511660208301526001600160401b0360408201511660408301525050565b5f5f5f5f5f5f60608789031215612f59575f5ffd5b86356001600160401b03811115612f6e575f5ffd5b612f7a89828a01612dbe565b90975095505060208701356001600160401b03811115612f98575f5ffd5b612fa489828a01612dbe565b90955093505060408701356001600160401b03811115612fc2575f5ffd5b612d4289828a01612dbe565b5f5f60408385031215612fdf575f5ffd5b612fe883612d54565b915060208301358015158114612ffc575f5ffd5b809150509250929050565b5f5f5f60608486031215613019575f5ffd5b8335925061302960208501612d6f565b929592945050506040919091013590565b5f5f5f6040848603121561304c575f5ffd5b8335925060208401356001600160401b03811115613068575f5ffd5b61307486828701612dbe565b9497909650939450505050565b634e487b7160e01b5f52602160045260245ffd5b600481106130b157634e487b7160e01b5f52602160045260245ffd5b9052565b60208152815160208201526001600160401b0360208301511660408201525f60408301516130ee60608401826001600160401b03169052565b5060608301516131016080840182613095565b5060808301516001600160a01b03811660a08401525060a083015160c083015260c083015161010060e084015261313c610120840182612e39565b905060e0840151601f198483030161010085015261315a8282612e39565b95945050505050565b5f5f5f5f5f60808688031215613177575f5ffd5b8535945060208601356001600160401b03811115613193575f5ffd5b61319f88828901612dbe565b909550935050604086013591506131b860608701612d54565b90509295509295909350565b83151581526001600160401b0383166020820152606060408201525f61315a6060830184612e39565b5f5f5f5f5f5f60a08789031215613202575f5ffd5b863595506020870135945060408701356001600160401b03811115613225575f5ffd5b61323189828a01612dbe565b9095509350506060870135915061324a60808801612d54565b90509295509295509295565b5f5f5f5f5f6080868803121561326a575f5ffd5b8535945061327a60208701612d6f565b93506040860135925060608601356001600160401b0381111561329b575f5ffd5b6132a788828901612dbe565b969995985093965092949392505050565b5f5f604083850312156132c9575f5ffd5b82359150612f0460208401612d54565b5f5f604083850312156132ea575f5ffd5b6132f383612d54565b9150602083013563ffffffff81168114612ffc575f5ffd5b5f5f5f5f6060858703121561331e575f5ffd5b84359350602085013560048110613333575f5ffd5b925060408501356001600160401b0381111561334d575f5ffd5b61335987828801612dbe565b95989497509550505050565b5f5f5f60608486031215613377575f5ffd5b8335925060208401359150612db560408501612d6f565b5f5f5f5f604085870312156133a1575f5ffd5b84356001600160401b038111156133b6575f5ffd5b6133c287828801612dbe565b90955093505060208501356001600160401b0381111561334d575f5ffd5b8051825260208101516020830152604081015160408301525f6060820151608060608501526134126080850182612e39565b949350505050565b602081528151602082015260018060a01b0360208301511660408201526001600160401b0360408301511660608201525f606083015161345e608084018215159052565b50608083015160e060a0840152613479610100840182612e39565b905060a0840151601f198483030160c08501526134968282612e39565b91505060c0840151601f198483030160e085015261315a82826133e0565b608081525f6134c66080830187612e39565b6020830195909552506001600160a01b039290921660408301526001600160401b0316606090910152919050565b602080825282518282018190525f918401906040840190835b8181101561355f57613549838551805182526001600160401b0360208201511660208301526001600160401b0360408201511660408301525050565b602093909301926060929092019160010161350d565b509095945050505050565b5f5f5f5f5f5f5f5f60a0898b031215613581575f5ffd5b88356001600160401b03811115613596575f5ffd5b6135a28b828c01612dbe565b90995097505060208901356001600160401b038111156135c0575f5ffd5b6135cc8b828c01612dbe565b9097509550506040890135935060608901356001600160401b038111156135f1575f5ffd5b89016080818c031215613602575f5ffd5b925060808901356001600160401b0381111561361c575f5ffd5b6136288b828c01612dbe565b999c989b5096995094979396929594505050565b634e487b7160e01b5f52603260045260245ffd5b5f60208284031215613660575f5ffd5b6107d782612d6f565b818382375f9101908152919050565b600181811c9082168061368c57607f821691505b6020821081036136aa57634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156108d6576108d66136b0565b5f826136f157634e487b7160e01b5f52601260045260245ffd5b500490565b818103818111156108d6576108d66136b0565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b604081525f613744604083018688613709565b8281036020840152613757818587613709565b979650505050505050565b634e487b7160e01b5f52604160045260245ffd5b601f821115610d4457805f5260205f20601f840160051c8101602085101561379b5750805b601f840160051c820191505b81811015611286575f81556001016137a7565b6001600160401b038311156137d1576137d1613762565b6137e5836137df8354613678565b83613776565b5f601f841160018114613816575f85156137ff5750838201355b5f19600387901b1c1916600186901b178355611286565b5f83815260208120601f198716915b828110156138455786850135825560209485019460019092019101613825565b5086821015613861575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b606081525f61388660608301888a613709565b8281036020840152613899818789613709565b905082810360408401526138ae818587613709565b9998505050505050505050565b6001600160401b0384168152604060208201525f61315a604083018486613709565b63ffffffff81811683821601908111156108d6576108d66136b0565b6001600160401b0385168152836020820152606060408201525f613921606083018486613709565b9695505050505050565b602081016108d68284613095565b828152604081016107d76020830184613095565b63ffffffff82811682821603908111156108d6576108d66136b0565b6139738185613095565b604060208201525f61315a604083018486613709565b5f5f8335601e1984360301811261399e575f5ffd5b8301803591506001600160401b038211156139b7575f5ffd5b602001915036819003821315611246575f5ffd5b60c081525f6139de60c083018b8d613709565b82810360208401526139f1818a8c613709565b905087604084015286606084015285608084015282810360a0840152613a18818587613709565b9c9b505050505050505050505050565b5f60208284031215613a38575f5ffd5b5051919050565b604081525f613a52604083018587613709565b905082602083015294935050505056fea26469706673582212201354b2135bd73579ce01f6a340691c96ca73dd32616d8dd5bf52276aaabd790e64736f6c634300081e0033",
}

// GlassboxRegistry is an auto generated Go binding around an Ethereum contract.
type GlassboxRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *GlassboxRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewGlassboxRegistry creates a new instance of GlassboxRegistry.
func NewGlassboxRegistry() *GlassboxRegistry {
	parsed, err := GlassboxRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &GlassboxRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *GlassboxRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackMAXDISPUTELIMIT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfe554613.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_DISPUTE_LIMIT() view returns(uint32)
func (glassboxRegistry *GlassboxRegistry) PackMAXDISPUTELIMIT() []byte {
	enc, err := glassboxRegistry.abi.Pack("MAX_DISPUTE_LIMIT")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXDISPUTELIMIT is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfe554613.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_DISPUTE_LIMIT() view returns(uint32)
func (glassboxRegistry *GlassboxRegistry) TryPackMAXDISPUTELIMIT() ([]byte, error) {
	return glassboxRegistry.abi.Pack("MAX_DISPUTE_LIMIT")
}

// UnpackMAXDISPUTELIMIT is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfe554613.
//
// Solidity: function MAX_DISPUTE_LIMIT() view returns(uint32)
func (glassboxRegistry *GlassboxRegistry) UnpackMAXDISPUTELIMIT(data []byte) (uint32, error) {
	out, err := glassboxRegistry.abi.Unpack("MAX_DISPUTE_LIMIT", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackMAXOPENDISPUTES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7e6c80b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_OPEN_DISPUTES() view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) PackMAXOPENDISPUTES() []byte {
	enc, err := glassboxRegistry.abi.Pack("MAX_OPEN_DISPUTES")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXOPENDISPUTES is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7e6c80b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_OPEN_DISPUTES() view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) TryPackMAXOPENDISPUTES() ([]byte, error) {
	return glassboxRegistry.abi.Pack("MAX_OPEN_DISPUTES")
}

// UnpackMAXOPENDISPUTES is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc7e6c80b.
//
// Solidity: function MAX_OPEN_DISPUTES() view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) UnpackMAXOPENDISPUTES(data []byte) (*big.Int, error) {
	out, err := glassboxRegistry.abi.Unpack("MAX_OPEN_DISPUTES", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackAcceptAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0e18b681.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptAdmin() returns()
func (glassboxRegistry *GlassboxRegistry) PackAcceptAdmin() []byte {
	enc, err := glassboxRegistry.abi.Pack("acceptAdmin")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0e18b681.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptAdmin() returns()
func (glassboxRegistry *GlassboxRegistry) TryPackAcceptAdmin() ([]byte, error) {
	return glassboxRegistry.abi.Pack("acceptAdmin")
}

// PackAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf851a440.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function admin() view returns(address)
func (glassboxRegistry *GlassboxRegistry) PackAdmin() []byte {
	enc, err := glassboxRegistry.abi.Pack("admin")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf851a440.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function admin() view returns(address)
func (glassboxRegistry *GlassboxRegistry) TryPackAdmin() ([]byte, error) {
	return glassboxRegistry.abi.Pack("admin")
}

// UnpackAdmin is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf851a440.
//
// Solidity: function admin() view returns(address)
func (glassboxRegistry *GlassboxRegistry) UnpackAdmin(data []byte) (common.Address, error) {
	out, err := glassboxRegistry.abi.Unpack("admin", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackAnchor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70c127c6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function anchor(bytes32 logId, uint64 treeSize, bytes32 root) returns()
func (glassboxRegistry *GlassboxRegistry) PackAnchor(logId [32]byte, treeSize uint64, root [32]byte) []byte {
	enc, err := glassboxRegistry.abi.Pack("anchor", logId, treeSize, root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAnchor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70c127c6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function anchor(bytes32 logId, uint64 treeSize, bytes32 root) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackAnchor(logId [32]byte, treeSize uint64, root [32]byte) ([]byte, error) {
	return glassboxRegistry.abi.Pack("anchor", logId, treeSize, root)
}

// PackAnchorMany is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x156bd35b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function anchorMany(bytes32[] logIds, uint64[] treeSizes, bytes32[] roots) returns()
func (glassboxRegistry *GlassboxRegistry) PackAnchorMany(logIds [][32]byte, treeSizes []uint64, roots [][32]byte) []byte {
	enc, err := glassboxRegistry.abi.Pack("anchorMany", logIds, treeSizes, roots)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAnchorMany is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x156bd35b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function anchorMany(bytes32[] logIds, uint64[] treeSizes, bytes32[] roots) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackAnchorMany(logIds [][32]byte, treeSizes []uint64, roots [][32]byte) ([]byte, error) {
	return glassboxRegistry.abi.Pack("anchorMany", logIds, treeSizes, roots)
}

// PackDeprecateModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53a055d2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deprecateModel(string name, string version, string reason) returns()
func (glassboxRegistry *GlassboxRegistry) PackDeprecateModel(name string, version string, reason string) []byte {
	enc, err := glassboxRegistry.abi.Pack("deprecateModel", name, version, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeprecateModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53a055d2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deprecateModel(string name, string version, string reason) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackDeprecateModel(name string, version string, reason string) ([]byte, error) {
	return glassboxRegistry.abi.Pack("deprecateModel", name, version, reason)
}

// PackDispute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86d6282c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function dispute(uint256 id) view returns((bytes32,uint64,uint64,uint8,address,bytes32,string,string))
func (glassboxRegistry *GlassboxRegistry) PackDispute(id *big.Int) []byte {
	enc, err := glassboxRegistry.abi.Pack("dispute", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDispute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x86d6282c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function dispute(uint256 id) view returns((bytes32,uint64,uint64,uint8,address,bytes32,string,string))
func (glassboxRegistry *GlassboxRegistry) TryPackDispute(id *big.Int) ([]byte, error) {
	return glassboxRegistry.abi.Pack("dispute", id)
}

// UnpackDispute is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x86d6282c.
//
// Solidity: function dispute(uint256 id) view returns((bytes32,uint64,uint64,uint8,address,bytes32,string,string))
func (glassboxRegistry *GlassboxRegistry) UnpackDispute(data []byte) (GlassboxRegistryDispute, error) {
	out, err := glassboxRegistry.abi.Unpack("dispute", data)
	if err != nil {
		return *new(GlassboxRegistryDispute), err
	}
	out0 := *abi.ConvertType(out[0], new(GlassboxRegistryDispute)).(*GlassboxRegistryDispute)
	return out0, nil
}

// PackDisputeCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa28889e1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function disputeCount() view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) PackDisputeCount() []byte {
	enc, err := glassboxRegistry.abi.Pack("disputeCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDisputeCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa28889e1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function disputeCount() view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) TryPackDisputeCount() ([]byte, error) {
	return glassboxRegistry.abi.Pack("disputeCount")
}

// UnpackDisputeCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa28889e1.
//
// Solidity: function disputeCount() view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) UnpackDisputeCount(data []byte) (*big.Int, error) {
	out, err := glassboxRegistry.abi.Unpack("disputeCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDisputeLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4152a459.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function disputeLimit(address filer) view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) PackDisputeLimit(filer common.Address) []byte {
	enc, err := glassboxRegistry.abi.Pack("disputeLimit", filer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDisputeLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4152a459.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function disputeLimit(address filer) view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) TryPackDisputeLimit(filer common.Address) ([]byte, error) {
	return glassboxRegistry.abi.Pack("disputeLimit", filer)
}

// UnpackDisputeLimit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4152a459.
//
// Solidity: function disputeLimit(address filer) view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) UnpackDisputeLimit(data []byte) (*big.Int, error) {
	out, err := glassboxRegistry.abi.Unpack("disputeLimit", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackFileDispute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbca1c086.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fileDispute(bytes32 logId, uint64 leafIndex, bytes32 leafHash, string reasonURI) returns(uint256 id)
func (glassboxRegistry *GlassboxRegistry) PackFileDispute(logId [32]byte, leafIndex uint64, leafHash [32]byte, reasonURI string) []byte {
	enc, err := glassboxRegistry.abi.Pack("fileDispute", logId, leafIndex, leafHash, reasonURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFileDispute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbca1c086.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fileDispute(bytes32 logId, uint64 leafIndex, bytes32 leafHash, string reasonURI) returns(uint256 id)
func (glassboxRegistry *GlassboxRegistry) TryPackFileDispute(logId [32]byte, leafIndex uint64, leafHash [32]byte, reasonURI string) ([]byte, error) {
	return glassboxRegistry.abi.Pack("fileDispute", logId, leafIndex, leafHash, reasonURI)
}

// UnpackFileDispute is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xbca1c086.
//
// Solidity: function fileDispute(bytes32 logId, uint64 leafIndex, bytes32 leafHash, string reasonURI) returns(uint256 id)
func (glassboxRegistry *GlassboxRegistry) UnpackFileDispute(data []byte) (*big.Int, error) {
	out, err := glassboxRegistry.abi.Unpack("fileDispute", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackIsPublisher is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x41859ac8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isPublisher(address ) view returns(bool)
func (glassboxRegistry *GlassboxRegistry) PackIsPublisher(arg0 common.Address) []byte {
	enc, err := glassboxRegistry.abi.Pack("isPublisher", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsPublisher is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x41859ac8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isPublisher(address ) view returns(bool)
func (glassboxRegistry *GlassboxRegistry) TryPackIsPublisher(arg0 common.Address) ([]byte, error) {
	return glassboxRegistry.abi.Pack("isPublisher", arg0)
}

// UnpackIsPublisher is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x41859ac8.
//
// Solidity: function isPublisher(address ) view returns(bool)
func (glassboxRegistry *GlassboxRegistry) UnpackIsPublisher(data []byte) (bool, error) {
	out, err := glassboxRegistry.abi.Unpack("isPublisher", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackKeyAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a9e358a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function keyAt(bytes32 logId, uint64 treeSize) view returns((bytes32,uint64,uint64))
func (glassboxRegistry *GlassboxRegistry) PackKeyAt(logId [32]byte, treeSize uint64) []byte {
	enc, err := glassboxRegistry.abi.Pack("keyAt", logId, treeSize)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKeyAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3a9e358a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function keyAt(bytes32 logId, uint64 treeSize) view returns((bytes32,uint64,uint64))
func (glassboxRegistry *GlassboxRegistry) TryPackKeyAt(logId [32]byte, treeSize uint64) ([]byte, error) {
	return glassboxRegistry.abi.Pack("keyAt", logId, treeSize)
}

// UnpackKeyAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3a9e358a.
//
// Solidity: function keyAt(bytes32 logId, uint64 treeSize) view returns((bytes32,uint64,uint64))
func (glassboxRegistry *GlassboxRegistry) UnpackKeyAt(data []byte) (GlassboxRegistryLogKey, error) {
	out, err := glassboxRegistry.abi.Unpack("keyAt", data)
	if err != nil {
		return *new(GlassboxRegistryLogKey), err
	}
	out0 := *abi.ConvertType(out[0], new(GlassboxRegistryLogKey)).(*GlassboxRegistryLogKey)
	return out0, nil
}

// PackKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdde5b7a1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function keys(bytes32 logId) view returns((bytes32,uint64,uint64)[] out)
func (glassboxRegistry *GlassboxRegistry) PackKeys(logId [32]byte) []byte {
	enc, err := glassboxRegistry.abi.Pack("keys", logId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdde5b7a1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function keys(bytes32 logId) view returns((bytes32,uint64,uint64)[] out)
func (glassboxRegistry *GlassboxRegistry) TryPackKeys(logId [32]byte) ([]byte, error) {
	return glassboxRegistry.abi.Pack("keys", logId)
}

// UnpackKeys is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdde5b7a1.
//
// Solidity: function keys(bytes32 logId) view returns((bytes32,uint64,uint64)[] out)
func (glassboxRegistry *GlassboxRegistry) UnpackKeys(data []byte) ([]GlassboxRegistryLogKey, error) {
	out, err := glassboxRegistry.abi.Unpack("keys", data)
	if err != nil {
		return *new([]GlassboxRegistryLogKey), err
	}
	out0 := *abi.ConvertType(out[0], new([]GlassboxRegistryLogKey)).(*[]GlassboxRegistryLogKey)
	return out0, nil
}

// PackLatestAnchor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb629d6fd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function latestAnchor(bytes32 logId) view returns(uint64 treeSize, bytes32 root, uint64 blockNumber)
func (glassboxRegistry *GlassboxRegistry) PackLatestAnchor(logId [32]byte) []byte {
	enc, err := glassboxRegistry.abi.Pack("latestAnchor", logId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLatestAnchor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb629d6fd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function latestAnchor(bytes32 logId) view returns(uint64 treeSize, bytes32 root, uint64 blockNumber)
func (glassboxRegistry *GlassboxRegistry) TryPackLatestAnchor(logId [32]byte) ([]byte, error) {
	return glassboxRegistry.abi.Pack("latestAnchor", logId)
}

// LatestAnchorOutput serves as a container for the return parameters of contract
// method LatestAnchor.
type LatestAnchorOutput struct {
	TreeSize    uint64
	Root        [32]byte
	BlockNumber uint64
}

// UnpackLatestAnchor is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb629d6fd.
//
// Solidity: function latestAnchor(bytes32 logId) view returns(uint64 treeSize, bytes32 root, uint64 blockNumber)
func (glassboxRegistry *GlassboxRegistry) UnpackLatestAnchor(data []byte) (LatestAnchorOutput, error) {
	out, err := glassboxRegistry.abi.Unpack("latestAnchor", data)
	outstruct := new(LatestAnchorOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.TreeSize = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Root = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)
	outstruct.BlockNumber = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackLogCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa503898f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function logCount() view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) PackLogCount() []byte {
	enc, err := glassboxRegistry.abi.Pack("logCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLogCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa503898f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function logCount() view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) TryPackLogCount() ([]byte, error) {
	return glassboxRegistry.abi.Pack("logCount")
}

// UnpackLogCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa503898f.
//
// Solidity: function logCount() view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) UnpackLogCount(data []byte) (*big.Int, error) {
	out, err := glassboxRegistry.abi.Unpack("logCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLogIdAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xedeff53f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function logIdAt(uint256 i) view returns(bytes32)
func (glassboxRegistry *GlassboxRegistry) PackLogIdAt(i *big.Int) []byte {
	enc, err := glassboxRegistry.abi.Pack("logIdAt", i)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLogIdAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xedeff53f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function logIdAt(uint256 i) view returns(bytes32)
func (glassboxRegistry *GlassboxRegistry) TryPackLogIdAt(i *big.Int) ([]byte, error) {
	return glassboxRegistry.abi.Pack("logIdAt", i)
}

// UnpackLogIdAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xedeff53f.
//
// Solidity: function logIdAt(uint256 i) view returns(bytes32)
func (glassboxRegistry *GlassboxRegistry) UnpackLogIdAt(data []byte) ([32]byte, error) {
	out, err := glassboxRegistry.abi.Unpack("logIdAt", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackLogInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdbbcee35.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function logInfo(bytes32 logId) view returns(string origin, bytes32 publicKey, address anchorer, uint64 latestSize)
func (glassboxRegistry *GlassboxRegistry) PackLogInfo(logId [32]byte) []byte {
	enc, err := glassboxRegistry.abi.Pack("logInfo", logId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLogInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdbbcee35.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function logInfo(bytes32 logId) view returns(string origin, bytes32 publicKey, address anchorer, uint64 latestSize)
func (glassboxRegistry *GlassboxRegistry) TryPackLogInfo(logId [32]byte) ([]byte, error) {
	return glassboxRegistry.abi.Pack("logInfo", logId)
}

// LogInfoOutput serves as a container for the return parameters of contract
// method LogInfo.
type LogInfoOutput struct {
	Origin     string
	PublicKey  [32]byte
	Anchorer   common.Address
	LatestSize uint64
}

// UnpackLogInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdbbcee35.
//
// Solidity: function logInfo(bytes32 logId) view returns(string origin, bytes32 publicKey, address anchorer, uint64 latestSize)
func (glassboxRegistry *GlassboxRegistry) UnpackLogInfo(data []byte) (LogInfoOutput, error) {
	out, err := glassboxRegistry.abi.Unpack("logInfo", data)
	outstruct := new(LogInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Origin = *abi.ConvertType(out[0], new(string)).(*string)
	outstruct.PublicKey = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)
	outstruct.Anchorer = *abi.ConvertType(out[2], new(common.Address)).(*common.Address)
	outstruct.LatestSize = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackModelVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd0712f6b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function modelVersion(string name, string version) view returns((bytes32,address,uint64,bool,string,string,(bytes32,bytes32,bytes32,string)))
func (glassboxRegistry *GlassboxRegistry) PackModelVersion(name string, version string) []byte {
	enc, err := glassboxRegistry.abi.Pack("modelVersion", name, version)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModelVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd0712f6b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function modelVersion(string name, string version) view returns((bytes32,address,uint64,bool,string,string,(bytes32,bytes32,bytes32,string)))
func (glassboxRegistry *GlassboxRegistry) TryPackModelVersion(name string, version string) ([]byte, error) {
	return glassboxRegistry.abi.Pack("modelVersion", name, version)
}

// UnpackModelVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd0712f6b.
//
// Solidity: function modelVersion(string name, string version) view returns((bytes32,address,uint64,bool,string,string,(bytes32,bytes32,bytes32,string)))
func (glassboxRegistry *GlassboxRegistry) UnpackModelVersion(data []byte) (GlassboxRegistryModelVersion, error) {
	out, err := glassboxRegistry.abi.Unpack("modelVersion", data)
	if err != nil {
		return *new(GlassboxRegistryModelVersion), err
	}
	out0 := *abi.ConvertType(out[0], new(GlassboxRegistryModelVersion)).(*GlassboxRegistryModelVersion)
	return out0, nil
}

// PackOpenDisputeOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18dd2deb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function openDisputeOf(address filer, bytes32 logId, uint64 leafIndex) view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) PackOpenDisputeOf(filer common.Address, logId [32]byte, leafIndex uint64) []byte {
	enc, err := glassboxRegistry.abi.Pack("openDisputeOf", filer, logId, leafIndex)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpenDisputeOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18dd2deb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function openDisputeOf(address filer, bytes32 logId, uint64 leafIndex) view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) TryPackOpenDisputeOf(filer common.Address, logId [32]byte, leafIndex uint64) ([]byte, error) {
	return glassboxRegistry.abi.Pack("openDisputeOf", filer, logId, leafIndex)
}

// UnpackOpenDisputeOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18dd2deb.
//
// Solidity: function openDisputeOf(address filer, bytes32 logId, uint64 leafIndex) view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) UnpackOpenDisputeOf(data []byte) (*big.Int, error) {
	out, err := glassboxRegistry.abi.Unpack("openDisputeOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOpenDisputes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35bb1315.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function openDisputes(address filer) view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) PackOpenDisputes(filer common.Address) []byte {
	enc, err := glassboxRegistry.abi.Pack("openDisputes", filer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpenDisputes is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35bb1315.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function openDisputes(address filer) view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) TryPackOpenDisputes(filer common.Address) ([]byte, error) {
	return glassboxRegistry.abi.Pack("openDisputes", filer)
}

// UnpackOpenDisputes is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x35bb1315.
//
// Solidity: function openDisputes(address filer) view returns(uint256)
func (glassboxRegistry *GlassboxRegistry) UnpackOpenDisputes(data []byte) (*big.Int, error) {
	out, err := glassboxRegistry.abi.Unpack("openDisputes", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPendingAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26782247.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingAdmin() view returns(address)
func (glassboxRegistry *GlassboxRegistry) PackPendingAdmin() []byte {
	enc, err := glassboxRegistry.abi.Pack("pendingAdmin")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x26782247.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingAdmin() view returns(address)
func (glassboxRegistry *GlassboxRegistry) TryPackPendingAdmin() ([]byte, error) {
	return glassboxRegistry.abi.Pack("pendingAdmin")
}

// UnpackPendingAdmin is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x26782247.
//
// Solidity: function pendingAdmin() view returns(address)
func (glassboxRegistry *GlassboxRegistry) UnpackPendingAdmin(data []byte) (common.Address, error) {
	out, err := glassboxRegistry.abi.Unpack("pendingAdmin", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPredecessorOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06e5cbec.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function predecessorOf(bytes32 logId) view returns(bytes32)
func (glassboxRegistry *GlassboxRegistry) PackPredecessorOf(logId [32]byte) []byte {
	enc, err := glassboxRegistry.abi.Pack("predecessorOf", logId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPredecessorOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06e5cbec.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function predecessorOf(bytes32 logId) view returns(bytes32)
func (glassboxRegistry *GlassboxRegistry) TryPackPredecessorOf(logId [32]byte) ([]byte, error) {
	return glassboxRegistry.abi.Pack("predecessorOf", logId)
}

// UnpackPredecessorOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06e5cbec.
//
// Solidity: function predecessorOf(bytes32 logId) view returns(bytes32)
func (glassboxRegistry *GlassboxRegistry) UnpackPredecessorOf(data []byte) ([32]byte, error) {
	out, err := glassboxRegistry.abi.Unpack("predecessorOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackRegisterLog is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9938cc34.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerLog(bytes32 logId, string origin, bytes32 publicKey, address anchorer) returns()
func (glassboxRegistry *GlassboxRegistry) PackRegisterLog(logId [32]byte, origin string, publicKey [32]byte, anchorer common.Address) []byte {
	enc, err := glassboxRegistry.abi.Pack("registerLog", logId, origin, publicKey, anchorer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterLog is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9938cc34.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerLog(bytes32 logId, string origin, bytes32 publicKey, address anchorer) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackRegisterLog(logId [32]byte, origin string, publicKey [32]byte, anchorer common.Address) ([]byte, error) {
	return glassboxRegistry.abi.Pack("registerLog", logId, origin, publicKey, anchorer)
}

// PackRegisterModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe2af2ee0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerModel(string name, string version, bytes32 artifactDigest, (bytes32,bytes32,bytes32,string) lineage, string metadataURI) returns()
func (glassboxRegistry *GlassboxRegistry) PackRegisterModel(name string, version string, artifactDigest [32]byte, lineage GlassboxRegistryLineage, metadataURI string) []byte {
	enc, err := glassboxRegistry.abi.Pack("registerModel", name, version, artifactDigest, lineage, metadataURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe2af2ee0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerModel(string name, string version, bytes32 artifactDigest, (bytes32,bytes32,bytes32,string) lineage, string metadataURI) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackRegisterModel(name string, version string, artifactDigest [32]byte, lineage GlassboxRegistryLineage, metadataURI string) ([]byte, error) {
	return glassboxRegistry.abi.Pack("registerModel", name, version, artifactDigest, lineage, metadataURI)
}

// PackRegisterSuccessor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb8759065.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerSuccessor(bytes32 oldLogId, bytes32 newLogId, string origin, bytes32 publicKey, address anchorer) returns()
func (glassboxRegistry *GlassboxRegistry) PackRegisterSuccessor(oldLogId [32]byte, newLogId [32]byte, origin string, publicKey [32]byte, anchorer common.Address) []byte {
	enc, err := glassboxRegistry.abi.Pack("registerSuccessor", oldLogId, newLogId, origin, publicKey, anchorer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterSuccessor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb8759065.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerSuccessor(bytes32 oldLogId, bytes32 newLogId, string origin, bytes32 publicKey, address anchorer) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackRegisterSuccessor(oldLogId [32]byte, newLogId [32]byte, origin string, publicKey [32]byte, anchorer common.Address) ([]byte, error) {
	return glassboxRegistry.abi.Pack("registerSuccessor", oldLogId, newLogId, origin, publicKey, anchorer)
}

// PackResolveDispute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc316939c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolveDispute(uint256 id, uint8 outcome, string resolutionURI) returns()
func (glassboxRegistry *GlassboxRegistry) PackResolveDispute(id *big.Int, outcome uint8, resolutionURI string) []byte {
	enc, err := glassboxRegistry.abi.Pack("resolveDispute", id, outcome, resolutionURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolveDispute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc316939c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolveDispute(uint256 id, uint8 outcome, string resolutionURI) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackResolveDispute(id *big.Int, outcome uint8, resolutionURI string) ([]byte, error) {
	return glassboxRegistry.abi.Pack("resolveDispute", id, outcome, resolutionURI)
}

// PackResolver is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x04f3bcec.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function resolver() view returns(address)
func (glassboxRegistry *GlassboxRegistry) PackResolver() []byte {
	enc, err := glassboxRegistry.abi.Pack("resolver")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackResolver is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x04f3bcec.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function resolver() view returns(address)
func (glassboxRegistry *GlassboxRegistry) TryPackResolver() ([]byte, error) {
	return glassboxRegistry.abi.Pack("resolver")
}

// UnpackResolver is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x04f3bcec.
//
// Solidity: function resolver() view returns(address)
func (glassboxRegistry *GlassboxRegistry) UnpackResolver(data []byte) (common.Address, error) {
	out, err := glassboxRegistry.abi.Unpack("resolver", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRetireLog is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x728f1753.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function retireLog(bytes32 logId, string reason) returns()
func (glassboxRegistry *GlassboxRegistry) PackRetireLog(logId [32]byte, reason string) []byte {
	enc, err := glassboxRegistry.abi.Pack("retireLog", logId, reason)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRetireLog is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x728f1753.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function retireLog(bytes32 logId, string reason) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackRetireLog(logId [32]byte, reason string) ([]byte, error) {
	return glassboxRegistry.abi.Pack("retireLog", logId, reason)
}

// PackRetirement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae1f5f94.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function retirement(bytes32 logId) view returns(bool retired, uint64 blockNumber, string reason)
func (glassboxRegistry *GlassboxRegistry) PackRetirement(logId [32]byte) []byte {
	enc, err := glassboxRegistry.abi.Pack("retirement", logId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRetirement is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae1f5f94.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function retirement(bytes32 logId) view returns(bool retired, uint64 blockNumber, string reason)
func (glassboxRegistry *GlassboxRegistry) TryPackRetirement(logId [32]byte) ([]byte, error) {
	return glassboxRegistry.abi.Pack("retirement", logId)
}

// RetirementOutput serves as a container for the return parameters of contract
// method Retirement.
type RetirementOutput struct {
	Retired     bool
	BlockNumber uint64
	Reason      string
}

// UnpackRetirement is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xae1f5f94.
//
// Solidity: function retirement(bytes32 logId) view returns(bool retired, uint64 blockNumber, string reason)
func (glassboxRegistry *GlassboxRegistry) UnpackRetirement(data []byte) (RetirementOutput, error) {
	out, err := glassboxRegistry.abi.Unpack("retirement", data)
	outstruct := new(RetirementOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Retired = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.BlockNumber = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Reason = *abi.ConvertType(out[2], new(string)).(*string)
	return *outstruct, nil
}

// PackRootAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x930b6ace.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rootAt(bytes32 logId, uint64 treeSize) view returns(bytes32 root, uint64 blockNumber)
func (glassboxRegistry *GlassboxRegistry) PackRootAt(logId [32]byte, treeSize uint64) []byte {
	enc, err := glassboxRegistry.abi.Pack("rootAt", logId, treeSize)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRootAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x930b6ace.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rootAt(bytes32 logId, uint64 treeSize) view returns(bytes32 root, uint64 blockNumber)
func (glassboxRegistry *GlassboxRegistry) TryPackRootAt(logId [32]byte, treeSize uint64) ([]byte, error) {
	return glassboxRegistry.abi.Pack("rootAt", logId, treeSize)
}

// RootAtOutput serves as a container for the return parameters of contract
// method RootAt.
type RootAtOutput struct {
	Root        [32]byte
	BlockNumber uint64
}

// UnpackRootAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x930b6ace.
//
// Solidity: function rootAt(bytes32 logId, uint64 treeSize) view returns(bytes32 root, uint64 blockNumber)
func (glassboxRegistry *GlassboxRegistry) UnpackRootAt(data []byte) (RootAtOutput, error) {
	out, err := glassboxRegistry.abi.Unpack("rootAt", data)
	outstruct := new(RootAtOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Root = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.BlockNumber = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackRotateKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc8f2f183.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rotateKey(bytes32 logId, bytes32 newKey, uint64 fromSize) returns()
func (glassboxRegistry *GlassboxRegistry) PackRotateKey(logId [32]byte, newKey [32]byte, fromSize uint64) []byte {
	enc, err := glassboxRegistry.abi.Pack("rotateKey", logId, newKey, fromSize)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRotateKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc8f2f183.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rotateKey(bytes32 logId, bytes32 newKey, uint64 fromSize) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackRotateKey(logId [32]byte, newKey [32]byte, fromSize uint64) ([]byte, error) {
	return glassboxRegistry.abi.Pack("rotateKey", logId, newKey, fromSize)
}

// PackSetAnchorer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbcb7a489.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setAnchorer(bytes32 logId, address newAnchorer) returns()
func (glassboxRegistry *GlassboxRegistry) PackSetAnchorer(logId [32]byte, newAnchorer common.Address) []byte {
	enc, err := glassboxRegistry.abi.Pack("setAnchorer", logId, newAnchorer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetAnchorer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbcb7a489.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setAnchorer(bytes32 logId, address newAnchorer) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackSetAnchorer(logId [32]byte, newAnchorer common.Address) ([]byte, error) {
	return glassboxRegistry.abi.Pack("setAnchorer", logId, newAnchorer)
}

// PackSetDisputeLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfe96aa3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setDisputeLimit(address filer, uint32 limit) returns()
func (glassboxRegistry *GlassboxRegistry) PackSetDisputeLimit(filer common.Address, limit uint32) []byte {
	enc, err := glassboxRegistry.abi.Pack("setDisputeLimit", filer, limit)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetDisputeLimit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbfe96aa3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setDisputeLimit(address filer, uint32 limit) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackSetDisputeLimit(filer common.Address, limit uint32) ([]byte, error) {
	return glassboxRegistry.abi.Pack("setDisputeLimit", filer, limit)
}

// PackSetPublisher is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x618bb079.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setPublisher(address account, bool enabled) returns()
func (glassboxRegistry *GlassboxRegistry) PackSetPublisher(account common.Address, enabled bool) []byte {
	enc, err := glassboxRegistry.abi.Pack("setPublisher", account, enabled)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetPublisher is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x618bb079.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setPublisher(address account, bool enabled) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackSetPublisher(account common.Address, enabled bool) ([]byte, error) {
	return glassboxRegistry.abi.Pack("setPublisher", account, enabled)
}

// PackSetResolver is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e543b26.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setResolver(address newResolver) returns()
func (glassboxRegistry *GlassboxRegistry) PackSetResolver(newResolver common.Address) []byte {
	enc, err := glassboxRegistry.abi.Pack("setResolver", newResolver)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetResolver is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e543b26.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setResolver(address newResolver) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackSetResolver(newResolver common.Address) ([]byte, error) {
	return glassboxRegistry.abi.Pack("setResolver", newResolver)
}

// PackSuccessorOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaaa8ab21.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function successorOf(bytes32 logId) view returns(bytes32)
func (glassboxRegistry *GlassboxRegistry) PackSuccessorOf(logId [32]byte) []byte {
	enc, err := glassboxRegistry.abi.Pack("successorOf", logId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSuccessorOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaaa8ab21.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function successorOf(bytes32 logId) view returns(bytes32)
func (glassboxRegistry *GlassboxRegistry) TryPackSuccessorOf(logId [32]byte) ([]byte, error) {
	return glassboxRegistry.abi.Pack("successorOf", logId)
}

// UnpackSuccessorOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaaa8ab21.
//
// Solidity: function successorOf(bytes32 logId) view returns(bytes32)
func (glassboxRegistry *GlassboxRegistry) UnpackSuccessorOf(data []byte) ([32]byte, error) {
	out, err := glassboxRegistry.abi.Unpack("successorOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackTransferAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x75829def.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferAdmin(address newAdmin) returns()
func (glassboxRegistry *GlassboxRegistry) PackTransferAdmin(newAdmin common.Address) []byte {
	enc, err := glassboxRegistry.abi.Pack("transferAdmin", newAdmin)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferAdmin is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x75829def.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferAdmin(address newAdmin) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackTransferAdmin(newAdmin common.Address) ([]byte, error) {
	return glassboxRegistry.abi.Pack("transferAdmin", newAdmin)
}

// PackVersionsOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2cf5cf8b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function versionsOf(string name) view returns(string[])
func (glassboxRegistry *GlassboxRegistry) PackVersionsOf(name string) []byte {
	enc, err := glassboxRegistry.abi.Pack("versionsOf", name)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVersionsOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2cf5cf8b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function versionsOf(string name) view returns(string[])
func (glassboxRegistry *GlassboxRegistry) TryPackVersionsOf(name string) ([]byte, error) {
	return glassboxRegistry.abi.Pack("versionsOf", name)
}

// UnpackVersionsOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2cf5cf8b.
//
// Solidity: function versionsOf(string name) view returns(string[])
func (glassboxRegistry *GlassboxRegistry) UnpackVersionsOf(data []byte) ([]string, error) {
	out, err := glassboxRegistry.abi.Unpack("versionsOf", data)
	if err != nil {
		return *new([]string), err
	}
	out0 := *abi.ConvertType(out[0], new([]string)).(*[]string)
	return out0, nil
}

// GlassboxRegistryAdminTransferStarted represents a AdminTransferStarted event raised by the GlassboxRegistry contract.
type GlassboxRegistryAdminTransferStarted struct {
	Admin        common.Address
	PendingAdmin common.Address
	Raw          *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryAdminTransferStartedEventName = "AdminTransferStarted"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryAdminTransferStarted) ContractEventName() string {
	return GlassboxRegistryAdminTransferStartedEventName
}

// UnpackAdminTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AdminTransferStarted(address indexed admin, address indexed pendingAdmin)
func (glassboxRegistry *GlassboxRegistry) UnpackAdminTransferStartedEvent(log *types.Log) (*GlassboxRegistryAdminTransferStarted, error) {
	event := "AdminTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryAdminTransferStarted)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryAdminTransferred represents a AdminTransferred event raised by the GlassboxRegistry contract.
type GlassboxRegistryAdminTransferred struct {
	PreviousAdmin common.Address
	NewAdmin      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryAdminTransferredEventName = "AdminTransferred"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryAdminTransferred) ContractEventName() string {
	return GlassboxRegistryAdminTransferredEventName
}

// UnpackAdminTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AdminTransferred(address indexed previousAdmin, address indexed newAdmin)
func (glassboxRegistry *GlassboxRegistry) UnpackAdminTransferredEvent(log *types.Log) (*GlassboxRegistryAdminTransferred, error) {
	event := "AdminTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryAdminTransferred)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryAnchored represents a Anchored event raised by the GlassboxRegistry contract.
type GlassboxRegistryAnchored struct {
	LogId    [32]byte
	TreeSize uint64
	Root     [32]byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryAnchoredEventName = "Anchored"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryAnchored) ContractEventName() string {
	return GlassboxRegistryAnchoredEventName
}

// UnpackAnchoredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Anchored(bytes32 indexed logId, uint64 indexed treeSize, bytes32 root)
func (glassboxRegistry *GlassboxRegistry) UnpackAnchoredEvent(log *types.Log) (*GlassboxRegistryAnchored, error) {
	event := "Anchored"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryAnchored)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryAnchorerChanged represents a AnchorerChanged event raised by the GlassboxRegistry contract.
type GlassboxRegistryAnchorerChanged struct {
	LogId            [32]byte
	PreviousAnchorer common.Address
	NewAnchorer      common.Address
	Raw              *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryAnchorerChangedEventName = "AnchorerChanged"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryAnchorerChanged) ContractEventName() string {
	return GlassboxRegistryAnchorerChangedEventName
}

// UnpackAnchorerChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AnchorerChanged(bytes32 indexed logId, address indexed previousAnchorer, address indexed newAnchorer)
func (glassboxRegistry *GlassboxRegistry) UnpackAnchorerChangedEvent(log *types.Log) (*GlassboxRegistryAnchorerChanged, error) {
	event := "AnchorerChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryAnchorerChanged)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryDisputeFiled represents a DisputeFiled event raised by the GlassboxRegistry contract.
type GlassboxRegistryDisputeFiled struct {
	Id        *big.Int
	LogId     [32]byte
	Filer     common.Address
	LeafIndex uint64
	LeafHash  [32]byte
	ReasonURI string
	Raw       *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryDisputeFiledEventName = "DisputeFiled"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryDisputeFiled) ContractEventName() string {
	return GlassboxRegistryDisputeFiledEventName
}

// UnpackDisputeFiledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DisputeFiled(uint256 indexed id, bytes32 indexed logId, address indexed filer, uint64 leafIndex, bytes32 leafHash, string reasonURI)
func (glassboxRegistry *GlassboxRegistry) UnpackDisputeFiledEvent(log *types.Log) (*GlassboxRegistryDisputeFiled, error) {
	event := "DisputeFiled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryDisputeFiled)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryDisputeLimitSet represents a DisputeLimitSet event raised by the GlassboxRegistry contract.
type GlassboxRegistryDisputeLimitSet struct {
	Filer common.Address
	Limit uint32
	Raw   *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryDisputeLimitSetEventName = "DisputeLimitSet"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryDisputeLimitSet) ContractEventName() string {
	return GlassboxRegistryDisputeLimitSetEventName
}

// UnpackDisputeLimitSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DisputeLimitSet(address indexed filer, uint32 limit)
func (glassboxRegistry *GlassboxRegistry) UnpackDisputeLimitSetEvent(log *types.Log) (*GlassboxRegistryDisputeLimitSet, error) {
	event := "DisputeLimitSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryDisputeLimitSet)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryDisputeResolved represents a DisputeResolved event raised by the GlassboxRegistry contract.
type GlassboxRegistryDisputeResolved struct {
	Id            *big.Int
	LogId         [32]byte
	Outcome       uint8
	ResolutionURI string
	Raw           *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryDisputeResolvedEventName = "DisputeResolved"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryDisputeResolved) ContractEventName() string {
	return GlassboxRegistryDisputeResolvedEventName
}

// UnpackDisputeResolvedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DisputeResolved(uint256 indexed id, bytes32 indexed logId, uint8 outcome, string resolutionURI)
func (glassboxRegistry *GlassboxRegistry) UnpackDisputeResolvedEvent(log *types.Log) (*GlassboxRegistryDisputeResolved, error) {
	event := "DisputeResolved"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryDisputeResolved)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryKeyRotated represents a KeyRotated event raised by the GlassboxRegistry contract.
type GlassboxRegistryKeyRotated struct {
	LogId     [32]byte
	PublicKey [32]byte
	FromSize  uint64
	Raw       *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryKeyRotatedEventName = "KeyRotated"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryKeyRotated) ContractEventName() string {
	return GlassboxRegistryKeyRotatedEventName
}

// UnpackKeyRotatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event KeyRotated(bytes32 indexed logId, bytes32 publicKey, uint64 fromSize)
func (glassboxRegistry *GlassboxRegistry) UnpackKeyRotatedEvent(log *types.Log) (*GlassboxRegistryKeyRotated, error) {
	event := "KeyRotated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryKeyRotated)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryLogRegistered represents a LogRegistered event raised by the GlassboxRegistry contract.
type GlassboxRegistryLogRegistered struct {
	LogId     [32]byte
	Origin    string
	PublicKey [32]byte
	Anchorer  common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryLogRegisteredEventName = "LogRegistered"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryLogRegistered) ContractEventName() string {
	return GlassboxRegistryLogRegisteredEventName
}

// UnpackLogRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event LogRegistered(bytes32 indexed logId, string origin, bytes32 publicKey, address indexed anchorer)
func (glassboxRegistry *GlassboxRegistry) UnpackLogRegisteredEvent(log *types.Log) (*GlassboxRegistryLogRegistered, error) {
	event := "LogRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryLogRegistered)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryModelDeprecated represents a ModelDeprecated event raised by the GlassboxRegistry contract.
type GlassboxRegistryModelDeprecated struct {
	NameKey common.Hash
	Name    string
	Version string
	Reason  string
	Raw     *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryModelDeprecatedEventName = "ModelDeprecated"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryModelDeprecated) ContractEventName() string {
	return GlassboxRegistryModelDeprecatedEventName
}

// UnpackModelDeprecatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ModelDeprecated(string indexed nameKey, string name, string version, string reason)
func (glassboxRegistry *GlassboxRegistry) UnpackModelDeprecatedEvent(log *types.Log) (*GlassboxRegistryModelDeprecated, error) {
	event := "ModelDeprecated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryModelDeprecated)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryModelLineage represents a ModelLineage event raised by the GlassboxRegistry contract.
type GlassboxRegistryModelLineage struct {
	NameKey      common.Hash
	Name         string
	Version      string
	SchemaDigest [32]byte
	ManifestRoot [32]byte
	CardDigest   [32]byte
	CodeRef      string
	Raw          *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryModelLineageEventName = "ModelLineage"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryModelLineage) ContractEventName() string {
	return GlassboxRegistryModelLineageEventName
}

// UnpackModelLineageEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ModelLineage(string indexed nameKey, string name, string version, bytes32 schemaDigest, bytes32 manifestRoot, bytes32 cardDigest, string codeRef)
func (glassboxRegistry *GlassboxRegistry) UnpackModelLineageEvent(log *types.Log) (*GlassboxRegistryModelLineage, error) {
	event := "ModelLineage"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryModelLineage)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryModelRegistered represents a ModelRegistered event raised by the GlassboxRegistry contract.
type GlassboxRegistryModelRegistered struct {
	NameKey        common.Hash
	Name           string
	Version        string
	ArtifactDigest [32]byte
	Publisher      common.Address
	MetadataURI    string
	Raw            *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryModelRegisteredEventName = "ModelRegistered"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryModelRegistered) ContractEventName() string {
	return GlassboxRegistryModelRegisteredEventName
}

// UnpackModelRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ModelRegistered(string indexed nameKey, string name, string version, bytes32 indexed artifactDigest, address indexed publisher, string metadataURI)
func (glassboxRegistry *GlassboxRegistry) UnpackModelRegisteredEvent(log *types.Log) (*GlassboxRegistryModelRegistered, error) {
	event := "ModelRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryModelRegistered)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryPublisherSet represents a PublisherSet event raised by the GlassboxRegistry contract.
type GlassboxRegistryPublisherSet struct {
	Account common.Address
	Enabled bool
	Raw     *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryPublisherSetEventName = "PublisherSet"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryPublisherSet) ContractEventName() string {
	return GlassboxRegistryPublisherSetEventName
}

// UnpackPublisherSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PublisherSet(address indexed account, bool enabled)
func (glassboxRegistry *GlassboxRegistry) UnpackPublisherSetEvent(log *types.Log) (*GlassboxRegistryPublisherSet, error) {
	event := "PublisherSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryPublisherSet)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryResolverChanged represents a ResolverChanged event raised by the GlassboxRegistry contract.
type GlassboxRegistryResolverChanged struct {
	PreviousResolver common.Address
	NewResolver      common.Address
	Raw              *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryResolverChangedEventName = "ResolverChanged"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryResolverChanged) ContractEventName() string {
	return GlassboxRegistryResolverChangedEventName
}

// UnpackResolverChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ResolverChanged(address indexed previousResolver, address indexed newResolver)
func (glassboxRegistry *GlassboxRegistry) UnpackResolverChangedEvent(log *types.Log) (*GlassboxRegistryResolverChanged, error) {
	event := "ResolverChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryResolverChanged)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistryRetired represents a Retired event raised by the GlassboxRegistry contract.
type GlassboxRegistryRetired struct {
	LogId     [32]byte
	FinalSize uint64
	Reason    string
	Raw       *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistryRetiredEventName = "Retired"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistryRetired) ContractEventName() string {
	return GlassboxRegistryRetiredEventName
}

// UnpackRetiredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Retired(bytes32 indexed logId, uint64 finalSize, string reason)
func (glassboxRegistry *GlassboxRegistry) UnpackRetiredEvent(log *types.Log) (*GlassboxRegistryRetired, error) {
	event := "Retired"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistryRetired)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// GlassboxRegistrySuccessorRegistered represents a SuccessorRegistered event raised by the GlassboxRegistry contract.
type GlassboxRegistrySuccessorRegistered struct {
	LogId     [32]byte
	Successor [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const GlassboxRegistrySuccessorRegisteredEventName = "SuccessorRegistered"

// ContractEventName returns the user-defined event name.
func (GlassboxRegistrySuccessorRegistered) ContractEventName() string {
	return GlassboxRegistrySuccessorRegisteredEventName
}

// UnpackSuccessorRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event SuccessorRegistered(bytes32 indexed logId, bytes32 indexed successor)
func (glassboxRegistry *GlassboxRegistry) UnpackSuccessorRegisteredEvent(log *types.Log) (*GlassboxRegistrySuccessorRegistered, error) {
	event := "SuccessorRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != glassboxRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(GlassboxRegistrySuccessorRegistered)
	if len(log.Data) > 0 {
		if err := glassboxRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range glassboxRegistry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (glassboxRegistry *GlassboxRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["AlreadyDeprecated"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackAlreadyDeprecatedError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["DisputeClosed"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackDisputeClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["DisputeLimitTooHigh"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackDisputeLimitTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["DuplicateDispute"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackDuplicateDisputeError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["EmptyBatch"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackEmptyBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["EmptyName"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackEmptyNameError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["EmptyOrigin"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackEmptyOriginError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["EmptyReason"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackEmptyReasonError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["EmptyVersion"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackEmptyVersionError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["IndexOutOfRange"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackIndexOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["InvalidOutcome"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackInvalidOutcomeError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["LeafNotAnchored"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackLeafNotAnchoredError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["LengthMismatch"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackLengthMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["LogExists"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackLogExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["LogIdMismatch"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackLogIdMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["LogNotRetired"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackLogNotRetiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["LogRetired"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackLogRetiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["NotAdmin"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackNotAdminError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["NotAnchored"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackNotAnchoredError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["NotAnchorer"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackNotAnchorerError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["NotPendingAdmin"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackNotPendingAdminError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["NotPublisher"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackNotPublisherError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["NotResolver"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackNotResolverError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["RotationBelowAnchored"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackRotationBelowAnchoredError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["RotationOutOfOrder"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackRotationOutOfOrderError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["SizeNotGrowing"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackSizeNotGrowingError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["SuccessorExists"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackSuccessorExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["TooManyOpenDisputes"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackTooManyOpenDisputesError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["UnknownDispute"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackUnknownDisputeError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["UnknownLog"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackUnknownLogError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["UnknownVersion"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackUnknownVersionError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["VersionExists"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackVersionExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["ZeroDigest"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackZeroDigestError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["ZeroLeafHash"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackZeroLeafHashError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["ZeroPublicKey"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackZeroPublicKeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["ZeroRoot"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackZeroRootError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// GlassboxRegistryAlreadyDeprecated represents a AlreadyDeprecated error raised by the GlassboxRegistry contract.
type GlassboxRegistryAlreadyDeprecated struct {
	Name    string
	Version string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyDeprecated(string name, string version)
func GlassboxRegistryAlreadyDeprecatedErrorID() common.Hash {
	return common.HexToHash("0x6bb85185f62e9c394a1dd3eb7ca375187e7f015fcc91332f70a8ceeab79b07c1")
}

// UnpackAlreadyDeprecatedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyDeprecated(string name, string version)
func (glassboxRegistry *GlassboxRegistry) UnpackAlreadyDeprecatedError(raw []byte) (*GlassboxRegistryAlreadyDeprecated, error) {
	out := new(GlassboxRegistryAlreadyDeprecated)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "AlreadyDeprecated", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryDisputeClosed represents a DisputeClosed error raised by the GlassboxRegistry contract.
type GlassboxRegistryDisputeClosed struct {
	Id     *big.Int
	Status uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DisputeClosed(uint256 id, uint8 status)
func GlassboxRegistryDisputeClosedErrorID() common.Hash {
	return common.HexToHash("0x2082230f5492e80350bf84d2ff3d0586aca56940690e90f7e20aeaafb9cf4833")
}

// UnpackDisputeClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DisputeClosed(uint256 id, uint8 status)
func (glassboxRegistry *GlassboxRegistry) UnpackDisputeClosedError(raw []byte) (*GlassboxRegistryDisputeClosed, error) {
	out := new(GlassboxRegistryDisputeClosed)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "DisputeClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryDisputeLimitTooHigh represents a DisputeLimitTooHigh error raised by the GlassboxRegistry contract.
type GlassboxRegistryDisputeLimitTooHigh struct {
	Filer common.Address
	Limit uint32
	Max   uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DisputeLimitTooHigh(address filer, uint32 limit, uint32 max)
func GlassboxRegistryDisputeLimitTooHighErrorID() common.Hash {
	return common.HexToHash("0xafb28706a55e39e354ea11ce4ebd3551992556673942a5e6e6eb119e3a01caaa")
}

// UnpackDisputeLimitTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DisputeLimitTooHigh(address filer, uint32 limit, uint32 max)
func (glassboxRegistry *GlassboxRegistry) UnpackDisputeLimitTooHighError(raw []byte) (*GlassboxRegistryDisputeLimitTooHigh, error) {
	out := new(GlassboxRegistryDisputeLimitTooHigh)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "DisputeLimitTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryDuplicateDispute represents a DuplicateDispute error raised by the GlassboxRegistry contract.
type GlassboxRegistryDuplicateDispute struct {
	LogId     [32]byte
	LeafIndex uint64
	Filer     common.Address
	OpenId    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DuplicateDispute(bytes32 logId, uint64 leafIndex, address filer, uint256 openId)
func GlassboxRegistryDuplicateDisputeErrorID() common.Hash {
	return common.HexToHash("0x49edd0146e76e39dc409f3b38004488c24766aef5ae610bb76385e3ca8763815")
}

// UnpackDuplicateDisputeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DuplicateDispute(bytes32 logId, uint64 leafIndex, address filer, uint256 openId)
func (glassboxRegistry *GlassboxRegistry) UnpackDuplicateDisputeError(raw []byte) (*GlassboxRegistryDuplicateDispute, error) {
	out := new(GlassboxRegistryDuplicateDispute)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "DuplicateDispute", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryEmptyBatch represents a EmptyBatch error raised by the GlassboxRegistry contract.
type GlassboxRegistryEmptyBatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyBatch()
func GlassboxRegistryEmptyBatchErrorID() common.Hash {
	return common.HexToHash("0xc2e5347df6cf8d1bf68f8a9651642312bd381b900d857d97cd665976180d6ae0")
}

// UnpackEmptyBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyBatch()
func (glassboxRegistry *GlassboxRegistry) UnpackEmptyBatchError(raw []byte) (*GlassboxRegistryEmptyBatch, error) {
	out := new(GlassboxRegistryEmptyBatch)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "EmptyBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryEmptyName represents a EmptyName error raised by the GlassboxRegistry contract.
type GlassboxRegistryEmptyName struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyName()
func GlassboxRegistryEmptyNameErrorID() common.Hash {
	return common.HexToHash("0x2ef131051921ac1500c097e497a691f596827ccfeb2703bc406b6c5e1fd0bb26")
}

// UnpackEmptyNameError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyName()
func (glassboxRegistry *GlassboxRegistry) UnpackEmptyNameError(raw []byte) (*GlassboxRegistryEmptyName, error) {
	out := new(GlassboxRegistryEmptyName)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "EmptyName", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryEmptyOrigin represents a EmptyOrigin error raised by the GlassboxRegistry contract.
type GlassboxRegistryEmptyOrigin struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyOrigin()
func GlassboxRegistryEmptyOriginErrorID() common.Hash {
	return common.HexToHash("0x3396161ac3533be8434559d7842c72188fe663d82c3df60db076c33aad71fc65")
}

// UnpackEmptyOriginError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyOrigin()
func (glassboxRegistry *GlassboxRegistry) UnpackEmptyOriginError(raw []byte) (*GlassboxRegistryEmptyOrigin, error) {
	out := new(GlassboxRegistryEmptyOrigin)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "EmptyOrigin", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryEmptyReason represents a EmptyReason error raised by the GlassboxRegistry contract.
type GlassboxRegistryEmptyReason struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyReason()
func GlassboxRegistryEmptyReasonErrorID() common.Hash {
	return common.HexToHash("0xdb72b02325fd28ec9a6d81f9843774dbbba9825b7cbadda72c9f7e9fe2b7747c")
}

// UnpackEmptyReasonError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyReason()
func (glassboxRegistry *GlassboxRegistry) UnpackEmptyReasonError(raw []byte) (*GlassboxRegistryEmptyReason, error) {
	out := new(GlassboxRegistryEmptyReason)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "EmptyReason", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryEmptyVersion represents a EmptyVersion error raised by the GlassboxRegistry contract.
type GlassboxRegistryEmptyVersion struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyVersion()
func GlassboxRegistryEmptyVersionErrorID() common.Hash {
	return common.HexToHash("0x5cad4cd6cb5251b95b81366b956d4d69095ef56b4a16e3d25581e834d76e7fcd")
}

// UnpackEmptyVersionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyVersion()
func (glassboxRegistry *GlassboxRegistry) UnpackEmptyVersionError(raw []byte) (*GlassboxRegistryEmptyVersion, error) {
	out := new(GlassboxRegistryEmptyVersion)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "EmptyVersion", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryIndexOutOfRange represents a IndexOutOfRange error raised by the GlassboxRegistry contract.
type GlassboxRegistryIndexOutOfRange struct {
	Index *big.Int
	Count *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error IndexOutOfRange(uint256 index, uint256 count)
func GlassboxRegistryIndexOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x94666f0d776338bf3dc0d578dde468fba3b7901915ee98978704643d741cc12d")
}

// UnpackIndexOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error IndexOutOfRange(uint256 index, uint256 count)
func (glassboxRegistry *GlassboxRegistry) UnpackIndexOutOfRangeError(raw []byte) (*GlassboxRegistryIndexOutOfRange, error) {
	out := new(GlassboxRegistryIndexOutOfRange)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "IndexOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryInvalidOutcome represents a InvalidOutcome error raised by the GlassboxRegistry contract.
type GlassboxRegistryInvalidOutcome struct {
	Outcome uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidOutcome(uint8 outcome)
func GlassboxRegistryInvalidOutcomeErrorID() common.Hash {
	return common.HexToHash("0x426266639891a0928d2c08f0255080e35024a99c4a87a8eca222e7558d4e2a6e")
}

// UnpackInvalidOutcomeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidOutcome(uint8 outcome)
func (glassboxRegistry *GlassboxRegistry) UnpackInvalidOutcomeError(raw []byte) (*GlassboxRegistryInvalidOutcome, error) {
	out := new(GlassboxRegistryInvalidOutcome)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "InvalidOutcome", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryLeafNotAnchored represents a LeafNotAnchored error raised by the GlassboxRegistry contract.
type GlassboxRegistryLeafNotAnchored struct {
	LogId      [32]byte
	LeafIndex  uint64
	LatestSize uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LeafNotAnchored(bytes32 logId, uint64 leafIndex, uint64 latestSize)
func GlassboxRegistryLeafNotAnchoredErrorID() common.Hash {
	return common.HexToHash("0x965bdea13b431f2714ce17b778704272c6a9f7d11a275749d3a3ae33b3524cbb")
}

// UnpackLeafNotAnchoredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LeafNotAnchored(bytes32 logId, uint64 leafIndex, uint64 latestSize)
func (glassboxRegistry *GlassboxRegistry) UnpackLeafNotAnchoredError(raw []byte) (*GlassboxRegistryLeafNotAnchored, error) {
	out := new(GlassboxRegistryLeafNotAnchored)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "LeafNotAnchored", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryLengthMismatch represents a LengthMismatch error raised by the GlassboxRegistry contract.
type GlassboxRegistryLengthMismatch struct {
	LogIds    *big.Int
	TreeSizes *big.Int
	Roots     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LengthMismatch(uint256 logIds, uint256 treeSizes, uint256 roots)
func GlassboxRegistryLengthMismatchErrorID() common.Hash {
	return common.HexToHash("0x8ee979f5a38369de55d403e905578ce8be28a150144e1bb7c08798d7c078539f")
}

// UnpackLengthMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LengthMismatch(uint256 logIds, uint256 treeSizes, uint256 roots)
func (glassboxRegistry *GlassboxRegistry) UnpackLengthMismatchError(raw []byte) (*GlassboxRegistryLengthMismatch, error) {
	out := new(GlassboxRegistryLengthMismatch)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "LengthMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryLogExists represents a LogExists error raised by the GlassboxRegistry contract.
type GlassboxRegistryLogExists struct {
	LogId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LogExists(bytes32 logId)
func GlassboxRegistryLogExistsErrorID() common.Hash {
	return common.HexToHash("0x1d2fd5c2cbf119c24e9c41080a4bed2925e2057203ad87fd20c917c4f9e776f0")
}

// UnpackLogExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LogExists(bytes32 logId)
func (glassboxRegistry *GlassboxRegistry) UnpackLogExistsError(raw []byte) (*GlassboxRegistryLogExists, error) {
	out := new(GlassboxRegistryLogExists)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "LogExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryLogIdMismatch represents a LogIdMismatch error raised by the GlassboxRegistry contract.
type GlassboxRegistryLogIdMismatch struct {
	LogId    [32]byte
	Expected [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LogIdMismatch(bytes32 logId, bytes32 expected)
func GlassboxRegistryLogIdMismatchErrorID() common.Hash {
	return common.HexToHash("0x2e59be186ce2c2cb7ccd4bb2c886058d5ca4a322ca48e133be1346a3fc6a219a")
}

// UnpackLogIdMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LogIdMismatch(bytes32 logId, bytes32 expected)
func (glassboxRegistry *GlassboxRegistry) UnpackLogIdMismatchError(raw []byte) (*GlassboxRegistryLogIdMismatch, error) {
	out := new(GlassboxRegistryLogIdMismatch)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "LogIdMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryLogNotRetired represents a LogNotRetired error raised by the GlassboxRegistry contract.
type GlassboxRegistryLogNotRetired struct {
	LogId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LogNotRetired(bytes32 logId)
func GlassboxRegistryLogNotRetiredErrorID() common.Hash {
	return common.HexToHash("0x230b83a1a0579d9168066fc8bf02a7c0090a651de35c78b865a77f8c0b0f2c3d")
}

// UnpackLogNotRetiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LogNotRetired(bytes32 logId)
func (glassboxRegistry *GlassboxRegistry) UnpackLogNotRetiredError(raw []byte) (*GlassboxRegistryLogNotRetired, error) {
	out := new(GlassboxRegistryLogNotRetired)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "LogNotRetired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryLogRetired represents a LogRetired error raised by the GlassboxRegistry contract.
type GlassboxRegistryLogRetired struct {
	LogId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LogRetired(bytes32 logId)
func GlassboxRegistryLogRetiredErrorID() common.Hash {
	return common.HexToHash("0x441450fc0876355ee21d2e338db4969ecb83c31a305a128b7b9605ea7922b618")
}

// UnpackLogRetiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LogRetired(bytes32 logId)
func (glassboxRegistry *GlassboxRegistry) UnpackLogRetiredError(raw []byte) (*GlassboxRegistryLogRetired, error) {
	out := new(GlassboxRegistryLogRetired)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "LogRetired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryNotAdmin represents a NotAdmin error raised by the GlassboxRegistry contract.
type GlassboxRegistryNotAdmin struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAdmin(address caller)
func GlassboxRegistryNotAdminErrorID() common.Hash {
	return common.HexToHash("0x17a8424239494df835a470bd5e48f10a94b5febfef662a1917fe31decebbedeb")
}

// UnpackNotAdminError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAdmin(address caller)
func (glassboxRegistry *GlassboxRegistry) UnpackNotAdminError(raw []byte) (*GlassboxRegistryNotAdmin, error) {
	out := new(GlassboxRegistryNotAdmin)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "NotAdmin", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryNotAnchored represents a NotAnchored error raised by the GlassboxRegistry contract.
type GlassboxRegistryNotAnchored struct {
	LogId    [32]byte
	TreeSize uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAnchored(bytes32 logId, uint64 treeSize)
func GlassboxRegistryNotAnchoredErrorID() common.Hash {
	return common.HexToHash("0xb06bf3e4a50dcc8cb9a65190a16647bb4ccc33bff6894832d105c870c39290a4")
}

// UnpackNotAnchoredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAnchored(bytes32 logId, uint64 treeSize)
func (glassboxRegistry *GlassboxRegistry) UnpackNotAnchoredError(raw []byte) (*GlassboxRegistryNotAnchored, error) {
	out := new(GlassboxRegistryNotAnchored)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "NotAnchored", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryNotAnchorer represents a NotAnchorer error raised by the GlassboxRegistry contract.
type GlassboxRegistryNotAnchorer struct {
	LogId  [32]byte
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAnchorer(bytes32 logId, address caller)
func GlassboxRegistryNotAnchorerErrorID() common.Hash {
	return common.HexToHash("0x0529a7e5cbe3f35db4811a0104d1730cea4c610e6aba7fd6f09a5a52f15f762c")
}

// UnpackNotAnchorerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAnchorer(bytes32 logId, address caller)
func (glassboxRegistry *GlassboxRegistry) UnpackNotAnchorerError(raw []byte) (*GlassboxRegistryNotAnchorer, error) {
	out := new(GlassboxRegistryNotAnchorer)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "NotAnchorer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryNotPendingAdmin represents a NotPendingAdmin error raised by the GlassboxRegistry contract.
type GlassboxRegistryNotPendingAdmin struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPendingAdmin(address caller)
func GlassboxRegistryNotPendingAdminErrorID() common.Hash {
	return common.HexToHash("0x1d0022d1e4e0a848404922419aaf414bac4ac43f3cccfa7226d53c460353f2e4")
}

// UnpackNotPendingAdminError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPendingAdmin(address caller)
func (glassboxRegistry *GlassboxRegistry) UnpackNotPendingAdminError(raw []byte) (*GlassboxRegistryNotPendingAdmin, error) {
	out := new(GlassboxRegistryNotPendingAdmin)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "NotPendingAdmin", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryNotPublisher represents a NotPublisher error raised by the GlassboxRegistry contract.
type GlassboxRegistryNotPublisher struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPublisher(address caller)
func GlassboxRegistryNotPublisherErrorID() common.Hash {
	return common.HexToHash("0xe35593b591a96c80d7334157deded924b1ef3d6ded54f820934a20912d1a9d8e")
}

// UnpackNotPublisherError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPublisher(address caller)
func (glassboxRegistry *GlassboxRegistry) UnpackNotPublisherError(raw []byte) (*GlassboxRegistryNotPublisher, error) {
	out := new(GlassboxRegistryNotPublisher)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "NotPublisher", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryNotResolver represents a NotResolver error raised by the GlassboxRegistry contract.
type GlassboxRegistryNotResolver struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotResolver(address caller)
func GlassboxRegistryNotResolverErrorID() common.Hash {
	return common.HexToHash("0x082867d870145253aec26b53c05003a66244608167b2a98b6c4066d57b313133")
}

// UnpackNotResolverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotResolver(address caller)
func (glassboxRegistry *GlassboxRegistry) UnpackNotResolverError(raw []byte) (*GlassboxRegistryNotResolver, error) {
	out := new(GlassboxRegistryNotResolver)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "NotResolver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryRotationBelowAnchored represents a RotationBelowAnchored error raised by the GlassboxRegistry contract.
type GlassboxRegistryRotationBelowAnchored struct {
	LogId      [32]byte
	FromSize   uint64
	LatestSize uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RotationBelowAnchored(bytes32 logId, uint64 fromSize, uint64 latestSize)
func GlassboxRegistryRotationBelowAnchoredErrorID() common.Hash {
	return common.HexToHash("0x295216a4a5b996c77d12ced08d2d08f94abcd84a03069c22ed25c7747537d381")
}

// UnpackRotationBelowAnchoredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RotationBelowAnchored(bytes32 logId, uint64 fromSize, uint64 latestSize)
func (glassboxRegistry *GlassboxRegistry) UnpackRotationBelowAnchoredError(raw []byte) (*GlassboxRegistryRotationBelowAnchored, error) {
	out := new(GlassboxRegistryRotationBelowAnchored)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "RotationBelowAnchored", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryRotationOutOfOrder represents a RotationOutOfOrder error raised by the GlassboxRegistry contract.
type GlassboxRegistryRotationOutOfOrder struct {
	LogId            [32]byte
	FromSize         uint64
	PreviousFromSize uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RotationOutOfOrder(bytes32 logId, uint64 fromSize, uint64 previousFromSize)
func GlassboxRegistryRotationOutOfOrderErrorID() common.Hash {
	return common.HexToHash("0x431ba62aaefb01637fefcd93939064fbf61809d203ba8a5419212e4a13c7a856")
}

// UnpackRotationOutOfOrderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RotationOutOfOrder(bytes32 logId, uint64 fromSize, uint64 previousFromSize)
func (glassboxRegistry *GlassboxRegistry) UnpackRotationOutOfOrderError(raw []byte) (*GlassboxRegistryRotationOutOfOrder, error) {
	out := new(GlassboxRegistryRotationOutOfOrder)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "RotationOutOfOrder", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistrySizeNotGrowing represents a SizeNotGrowing error raised by the GlassboxRegistry contract.
type GlassboxRegistrySizeNotGrowing struct {
	LogId      [32]byte
	LatestSize uint64
	TreeSize   uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SizeNotGrowing(bytes32 logId, uint64 latestSize, uint64 treeSize)
func GlassboxRegistrySizeNotGrowingErrorID() common.Hash {
	return common.HexToHash("0x719ef680826e40ef981a729d0a3fae961a046c4220c59416913c0e3b859c98d9")
}

// UnpackSizeNotGrowingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SizeNotGrowing(bytes32 logId, uint64 latestSize, uint64 treeSize)
func (glassboxRegistry *GlassboxRegistry) UnpackSizeNotGrowingError(raw []byte) (*GlassboxRegistrySizeNotGrowing, error) {
	out := new(GlassboxRegistrySizeNotGrowing)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "SizeNotGrowing", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistrySuccessorExists represents a SuccessorExists error raised by the GlassboxRegistry contract.
type GlassboxRegistrySuccessorExists struct {
	LogId     [32]byte
	Successor [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SuccessorExists(bytes32 logId, bytes32 successor)
func GlassboxRegistrySuccessorExistsErrorID() common.Hash {
	return common.HexToHash("0xa0f05b58d510aacf9303ff7aae5450250436d2efd3d51df93130c8226e88ee5c")
}

// UnpackSuccessorExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SuccessorExists(bytes32 logId, bytes32 successor)
func (glassboxRegistry *GlassboxRegistry) UnpackSuccessorExistsError(raw []byte) (*GlassboxRegistrySuccessorExists, error) {
	out := new(GlassboxRegistrySuccessorExists)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "SuccessorExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryTooManyOpenDisputes represents a TooManyOpenDisputes error raised by the GlassboxRegistry contract.
type GlassboxRegistryTooManyOpenDisputes struct {
	Filer common.Address
	Limit *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooManyOpenDisputes(address filer, uint256 limit)
func GlassboxRegistryTooManyOpenDisputesErrorID() common.Hash {
	return common.HexToHash("0x5806f41065b3d086ec9f2efe477d7d3e2b146880897610b1f8b604833e73b419")
}

// UnpackTooManyOpenDisputesError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooManyOpenDisputes(address filer, uint256 limit)
func (glassboxRegistry *GlassboxRegistry) UnpackTooManyOpenDisputesError(raw []byte) (*GlassboxRegistryTooManyOpenDisputes, error) {
	out := new(GlassboxRegistryTooManyOpenDisputes)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "TooManyOpenDisputes", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryUnknownDispute represents a UnknownDispute error raised by the GlassboxRegistry contract.
type GlassboxRegistryUnknownDispute struct {
	Id *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownDispute(uint256 id)
func GlassboxRegistryUnknownDisputeErrorID() common.Hash {
	return common.HexToHash("0x8f09a29b08337b4e66a42a0bbd8bc395cb2fa24f8b538de30a025d7769f25cf4")
}

// UnpackUnknownDisputeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownDispute(uint256 id)
func (glassboxRegistry *GlassboxRegistry) UnpackUnknownDisputeError(raw []byte) (*GlassboxRegistryUnknownDispute, error) {
	out := new(GlassboxRegistryUnknownDispute)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "UnknownDispute", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryUnknownLog represents a UnknownLog error raised by the GlassboxRegistry contract.
type GlassboxRegistryUnknownLog struct {
	LogId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownLog(bytes32 logId)
func GlassboxRegistryUnknownLogErrorID() common.Hash {
	return common.HexToHash("0x3d199f1183868c6135e73df22cf71d9abe1d6ec1dd78ff8f6752e68a15553c40")
}

// UnpackUnknownLogError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownLog(bytes32 logId)
func (glassboxRegistry *GlassboxRegistry) UnpackUnknownLogError(raw []byte) (*GlassboxRegistryUnknownLog, error) {
	out := new(GlassboxRegistryUnknownLog)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "UnknownLog", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryUnknownVersion represents a UnknownVersion error raised by the GlassboxRegistry contract.
type GlassboxRegistryUnknownVersion struct {
	Name    string
	Version string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownVersion(string name, string version)
func GlassboxRegistryUnknownVersionErrorID() common.Hash {
	return common.HexToHash("0x8deb07a45434490a73a7517fc3db382e8ae0b75efd18efc6e37afa10e3f59d75")
}

// UnpackUnknownVersionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownVersion(string name, string version)
func (glassboxRegistry *GlassboxRegistry) UnpackUnknownVersionError(raw []byte) (*GlassboxRegistryUnknownVersion, error) {
	out := new(GlassboxRegistryUnknownVersion)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "UnknownVersion", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryVersionExists represents a VersionExists error raised by the GlassboxRegistry contract.
type GlassboxRegistryVersionExists struct {
	Name    string
	Version string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VersionExists(string name, string version)
func GlassboxRegistryVersionExistsErrorID() common.Hash {
	return common.HexToHash("0xd70b00944c35a44270a896c7944d765d9dae785bf507f64544456c4f73fa0881")
}

// UnpackVersionExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VersionExists(string name, string version)
func (glassboxRegistry *GlassboxRegistry) UnpackVersionExistsError(raw []byte) (*GlassboxRegistryVersionExists, error) {
	out := new(GlassboxRegistryVersionExists)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "VersionExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryZeroAddress represents a ZeroAddress error raised by the GlassboxRegistry contract.
type GlassboxRegistryZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func GlassboxRegistryZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (glassboxRegistry *GlassboxRegistry) UnpackZeroAddressError(raw []byte) (*GlassboxRegistryZeroAddress, error) {
	out := new(GlassboxRegistryZeroAddress)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryZeroDigest represents a ZeroDigest error raised by the GlassboxRegistry contract.
type GlassboxRegistryZeroDigest struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroDigest()
func GlassboxRegistryZeroDigestErrorID() common.Hash {
	return common.HexToHash("0x506f3a1b346eda52e581752dd72ca5fc50463f2e4eb5db65f0e0390bcb3ada11")
}

// UnpackZeroDigestError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroDigest()
func (glassboxRegistry *GlassboxRegistry) UnpackZeroDigestError(raw []byte) (*GlassboxRegistryZeroDigest, error) {
	out := new(GlassboxRegistryZeroDigest)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "ZeroDigest", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryZeroLeafHash represents a ZeroLeafHash error raised by the GlassboxRegistry contract.
type GlassboxRegistryZeroLeafHash struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroLeafHash()
func GlassboxRegistryZeroLeafHashErrorID() common.Hash {
	return common.HexToHash("0xdde144b39246359f79b9b90296ff144c51832055be1f06ec328f3f5a713620e9")
}

// UnpackZeroLeafHashError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroLeafHash()
func (glassboxRegistry *GlassboxRegistry) UnpackZeroLeafHashError(raw []byte) (*GlassboxRegistryZeroLeafHash, error) {
	out := new(GlassboxRegistryZeroLeafHash)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "ZeroLeafHash", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryZeroPublicKey represents a ZeroPublicKey error raised by the GlassboxRegistry contract.
type GlassboxRegistryZeroPublicKey struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroPublicKey()
func GlassboxRegistryZeroPublicKeyErrorID() common.Hash {
	return common.HexToHash("0xb1eddc82407a19731650d4f9692d0dc918dc7b854377f219564b0e1f1dce5688")
}

// UnpackZeroPublicKeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroPublicKey()
func (glassboxRegistry *GlassboxRegistry) UnpackZeroPublicKeyError(raw []byte) (*GlassboxRegistryZeroPublicKey, error) {
	out := new(GlassboxRegistryZeroPublicKey)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "ZeroPublicKey", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// GlassboxRegistryZeroRoot represents a ZeroRoot error raised by the GlassboxRegistry contract.
type GlassboxRegistryZeroRoot struct {
	LogId    [32]byte
	TreeSize uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroRoot(bytes32 logId, uint64 treeSize)
func GlassboxRegistryZeroRootErrorID() common.Hash {
	return common.HexToHash("0xdb0029d884a9f193026cd039d8b259ef3e46f4cdcadfb21dd5240e87d2023d0b")
}

// UnpackZeroRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroRoot(bytes32 logId, uint64 treeSize)
func (glassboxRegistry *GlassboxRegistry) UnpackZeroRootError(raw []byte) (*GlassboxRegistryZeroRoot, error) {
	out := new(GlassboxRegistryZeroRoot)
	if err := glassboxRegistry.abi.UnpackIntoInterface(out, "ZeroRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}
