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
}

// GlassboxRegistryMetaData contains all meta data concerning the GlassboxRegistry contract.
var GlassboxRegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"AlreadyDeprecated\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"DisputeClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"openId\",\"type\":\"uint256\"}],\"name\":\"DuplicateDispute\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyBatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyName\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyOrigin\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyReason\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyVersion\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"IndexOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"outcome\",\"type\":\"uint8\"}],\"name\":\"InvalidOutcome\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"}],\"name\":\"LeafNotAnchored\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"logIds\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"treeSizes\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roots\",\"type\":\"uint256\"}],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"LogExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"expected\",\"type\":\"bytes32\"}],\"name\":\"LogIdMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"LogNotRetired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"LogRetired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotAdmin\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"NotAnchored\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotAnchorer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPendingAdmin\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPublisher\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotResolver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"}],\"name\":\"RotationBelowAnchored\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"previousFromSize\",\"type\":\"uint64\"}],\"name\":\"RotationOutOfOrder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"SizeNotGrowing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"successor\",\"type\":\"bytes32\"}],\"name\":\"SuccessorExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"}],\"name\":\"TooManyOpenDisputes\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"UnknownDispute\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"UnknownLog\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"UnknownVersion\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"VersionExists\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroDigest\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroLeafHash\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroPublicKey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"ZeroRoot\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"pendingAdmin\",\"type\":\"address\"}],\"name\":\"AdminTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousAdmin\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newAdmin\",\"type\":\"address\"}],\"name\":\"AdminTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"Anchored\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousAnchorer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newAnchorer\",\"type\":\"address\"}],\"name\":\"AnchorerChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"leafHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reasonURI\",\"type\":\"string\"}],\"name\":\"DisputeFiled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"outcome\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"resolutionURI\",\"type\":\"string\"}],\"name\":\"DisputeResolved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"}],\"name\":\"KeyRotated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"}],\"name\":\"LogRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"string\",\"name\":\"nameKey\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"ModelDeprecated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"string\",\"name\":\"nameKey\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"artifactDigest\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"ModelRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"enabled\",\"type\":\"bool\"}],\"name\":\"PublisherSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousResolver\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newResolver\",\"type\":\"address\"}],\"name\":\"ResolverChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"finalSize\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"Retired\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"successor\",\"type\":\"bytes32\"}],\"name\":\"SuccessorRegistered\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_OPEN_DISPUTES\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptAdmin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"admin\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"anchor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"logIds\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint64[]\",\"name\":\"treeSizes\",\"type\":\"uint64[]\"},{\"internalType\":\"bytes32[]\",\"name\":\"roots\",\"type\":\"bytes32[]\"}],\"name\":\"anchorMany\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"deprecateModel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"dispute\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"filedBlock\",\"type\":\"uint64\"},{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"leafHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reasonURI\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"resolutionURI\",\"type\":\"string\"}],\"internalType\":\"structGlassboxRegistry.Dispute\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"disputeCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"leafHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reasonURI\",\"type\":\"string\"}],\"name\":\"fileDispute\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"isPublisher\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"keyAt\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"internalType\":\"structGlassboxRegistry.LogKey\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"keys\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"internalType\":\"structGlassboxRegistry.LogKey[]\",\"name\":\"out\",\"type\":\"tuple[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"latestAnchor\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"logCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"logIdAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"logInfo\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"modelVersion\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"artifactDigest\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"deprecated\",\"type\":\"bool\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"deprecationReason\",\"type\":\"string\"}],\"internalType\":\"structGlassboxRegistry.ModelVersion\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"}],\"name\":\"openDisputeOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"}],\"name\":\"openDisputes\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingAdmin\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"predecessorOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"}],\"name\":\"registerLog\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"artifactDigest\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"registerModel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"oldLogId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"newLogId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"}],\"name\":\"registerSuccessor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"outcome\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"resolutionURI\",\"type\":\"string\"}],\"name\":\"resolveDispute\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"resolver\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"retireLog\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"retirement\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"retired\",\"type\":\"bool\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"rootAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"newKey\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"fromSize\",\"type\":\"uint64\"}],\"name\":\"rotateKey\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"newAnchorer\",\"type\":\"address\"}],\"name\":\"setAnchorer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"enabled\",\"type\":\"bool\"}],\"name\":\"setPublisher\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newResolver\",\"type\":\"address\"}],\"name\":\"setResolver\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"successorOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newAdmin\",\"type\":\"address\"}],\"name\":\"transferAdmin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"versionsOf\",\"outputs\":[{\"internalType\":\"string[]\",\"name\":\"\",\"type\":\"string[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "GlassboxRegistry",
	Bin: "0x6080604052348015600e575f5ffd5b505f8054336001600160a01b03199182168117835560028054909216811790915580825260036020526040808320805460ff19166001179055519091907ff8ccb027dfcd135e000e9d45e6cc2d662578a8825d4c45b5e32e0adf67e79ec6908290a360405133905f907fb6da02d7f709053860937d05075ac827880d84a5ec2267ed2b8a76714302f4fc908290a36040516001815233907f7caa8f8f06897e1155bc1f07edd62aa5b0c96ea5f16f620688d633a9769ff4b89060200160405180910390a26134f1806100df5f395ff3fe608060405234801561000f575f5ffd5b5060043610610213575f3560e01c80639938cc341161011f578063c316939c116100a9578063dbbcee3511610079578063dbbcee3514610523578063dde5b7a114610546578063dee8186a14610566578063edeff53f14610579578063f851a4401461058c575f5ffd5b8063c316939c146104d5578063c7e6c80b146104e8578063c8f2f183146104f0578063d0712f6b14610503575f5ffd5b8063ae1f5f94116100ef578063ae1f5f941461043d578063b629d6fd1461045f578063b87590651461049c578063bca1c086146104af578063bcb7a489146104c2575f5ffd5b80639938cc3414610407578063a28889e11461041a578063a503898f14610422578063aaa8ab211461042a575f5ffd5b806341859ac8116101a057806370c127c61161017057806370c127c61461037e578063728f17531461039157806375829def146103a457806386d6282c146103b7578063930b6ace146103d7575f5ffd5b806341859ac8146103135780634e543b261461034557806353a055d214610358578063618bb0791461036b575f5ffd5b806318dd2deb116101e657806318dd2deb1461028557806326782247146102985780632cf5cf8b146102ab57806335bb1315146102cb5780633a9e358a146102f3575f5ffd5b806304f3bcec1461021757806306e5cbec146102475780630e18b68114610268578063156bd35b14610272575b5f5ffd5b60025461022a906001600160a01b031681565b6040516001600160a01b0390911681526020015b60405180910390f35b61025a610255366004612851565b61059e565b60405190815260200161023e565b6102706105ec565b005b6102706102803660046128a8565b61066f565b61025a610293366004612975565b61074b565b60015461022a906001600160a01b031681565b6102be6102b93660046129eb565b610772565b60405161023e9190612a57565b61025a6102d9366004612aba565b6001600160a01b03165f908152600a602052604090205490565b610306610301366004612ad3565b610870565b60405161023e9190612afd565b610335610321366004612aba565b60036020525f908152604090205460ff1681565b604051901515815260200161023e565b610270610353366004612aba565b6109ef565b610270610366366004612b34565b610a9d565b610270610379366004612bbe565b610bda565b61027061038c366004612bf7565b610c8b565b61027061039f366004612c2a565b610c9b565b6102706103b2366004612aba565b610ded565b6103ca6103c5366004612851565b610e8b565b60405161023e9190612ca5565b6103ea6103e5366004612ad3565b6110ed565b604080519283526001600160401b0390911660208301520161023e565b610270610415366004612d53565b61119f565b60095461025a565b60065461025a565b61025a610438366004612851565b6111df565b61045061044b366004612851565b611228565b60405161023e93929190612db4565b61047261046d366004612851565b61132c565b604080516001600160401b039485168152602081019390935292169181019190915260600161023e565b6102706104aa366004612ddd565b6113aa565b61025a6104bd366004612e46565b6114d2565b6102706104d0366004612ea8565b611782565b6102706104e3366004612ec9565b61185e565b61025a600881565b6102706104fe366004612f23565b611a8e565b610516610511366004612f4c565b611ccd565b60405161023e9190612f9e565b610536610531366004612851565b611edb565b60405161023e9493929190613011565b610559610554366004612851565b61202f565b60405161023e9190613051565b6102706105743660046130c7565b6121d2565b61025a610587366004612851565b6123b1565b5f5461022a906001600160a01b031681565b5f818152600460205260408120546001600160a01b03166105da57604051633d199f1160e01b8152600481018390526024015b60405180910390fd5b505f908152600e602052604090205490565b6001546001600160a01b0316331461061957604051631d0022d160e01b81523360048201526024016105d1565b5f805460405133926001600160a01b03909216917ff8ccb027dfcd135e000e9d45e6cc2d662578a8825d4c45b5e32e0adf67e79ec691a35f80546001600160a01b03199081163317909155600180549091169055565b84838114158061067f5750808214155b156106ae57604051638ee979f560e01b81526004810182905260248101859052604481018390526064016105d1565b805f036106ce5760405163c2e5347d60e01b815260040160405180910390fd5b5f5b81811015610741576107398888838181106106ed576106ed61316c565b905060200201358787848181106107065761070661316c565b905060200201602081019061071b9190613180565b86868581811061072d5761072d61316c565b90506020020135612406565b6001016106d0565b5050505050505050565b5f600b5f61075a8686866125c4565b81526020019081526020015f205490505b9392505050565b606060085f8484604051610787929190613199565b604051809103902081526020019081526020015f20805480602002602001604051908101604052809291908181526020015f905b82821015610863578382905f5260205f200180546107d8906131a8565b80601f0160208091040260200160405190810160405280929190818152602001828054610804906131a8565b801561084f5780601f106108265761010080835404028352916020019161084f565b820191905f5260205f20905b81548152906001019060200180831161083257829003601f168201915b5050505050815260200190600101906107bb565b5050505090505b92915050565b604080516060810182525f80825260208201819052918101919091525f83815260046020526040902080546001600160a01b03166108c457604051633d199f1160e01b8152600481018590526024016105d1565b5f848152600f6020526040812080549091905b80821015610951575f60026108ec83856131f4565b6108f69190613207565b9050866001600160401b03168482815481106109145761091461316c565b5f9182526020909120600160029092020101546001600160401b031611610947576109408160016131f4565b925061094b565b8091505b506108d7565b815f036109805750506040805160608101825260019093015483525f602084018190529083015250905061086a565b8261098c600184613226565b8154811061099c5761099c61316c565b5f91825260209182902060408051606081018252600290930290910180548352600101546001600160401b0380821694840194909452600160401b90049092169181019190915294505050505092915050565b5f546001600160a01b03163314610a1b57604051630bd4212160e11b81523360048201526024016105d1565b6001600160a01b038116610a425760405163d92e233d60e01b815260040160405180910390fd5b6002546040516001600160a01b038084169216907fb6da02d7f709053860937d05075ac827880d84a5ec2267ed2b8a76714302f4fc905f90a3600280546001600160a01b0319166001600160a01b0392909216919091179055565b335f9081526003602052604090205460ff16610ace5760405163e35593b560e01b81523360048201526024016105d1565b5f60075f610ade89898989612610565b815260208101919091526040015f208054909150610b17578686868660405163237ac1e960e21b81526004016105d19493929190613261565b6001810154600160e01b900460ff1615610b4c5786868686604051636bb8518560e01b81526004016105d19493929190613261565b60018101805460ff60e01b1916600160e01b1790558115610b785760038101610b768385836132ea565b505b8686604051610b88929190613199565b60405180910390207f5ca5d121144690757882b3c5a1ea1a47a8e11865925c874f1b77e326a010b999888888888888604051610bc9969594939291906133a3565b60405180910390a250505050505050565b5f546001600160a01b03163314610c0657604051630bd4212160e11b81523360048201526024016105d1565b6001600160a01b038216610c2d5760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0382165f81815260036020908152604091829020805460ff191685151590811790915591519182527f7caa8f8f06897e1155bc1f07edd62aa5b0c96ea5f16f620688d633a9769ff4b8910160405180910390a25050565b610c96838383612406565b505050565b5f546001600160a01b03163314610cc757604051630bd4212160e11b81523360048201526024016105d1565b5f83815260046020526040902080546001600160a01b0316610cff57604051633d199f1160e01b8152600481018590526024016105d1565b8054600160e01b900460ff1615610d2c57604051631105143f60e21b8152600481018590526024016105d1565b5f829003610d4d5760405163db72b02360e01b815260040160405180910390fd5b805460ff60e01b1916600160e01b1781555f848152600c6020526040902080546001600160401b03431667ffffffffffffffff1990911617815560018101610d968486836132ea565b50815460405186917f8fd40818f07eea877662db55398a0b37ec554e1c2bad4677ff5dcbc70018649f91610dde91600160a01b90046001600160401b031690889088906133eb565b60405180910390a25050505050565b5f546001600160a01b03163314610e1957604051630bd4212160e11b81523360048201526024016105d1565b6001600160a01b038116610e405760405163d92e233d60e01b815260040160405180910390fd5b600180546001600160a01b0319166001600160a01b03831690811790915560405133907fe5cd1c804f1c9cc6d7009e4c0fb532f0e2d8863524c3323a6b3790c3f80bf25c905f90a350565b610ed960408051610100810182525f8082526020820181905291810182905290606082019081526020015f6001600160a01b031681526020015f815260200160608152602001606081525090565b811580610ee7575060095482115b15610f0857604051638f09a29b60e01b8152600481018390526024016105d1565b6009610f15600184613226565b81548110610f2557610f2561316c565b5f918252602091829020604080516101008101825260069093029091018054835260018101546001600160401b0380821695850195909552600160401b8104909416918301919091529091606083019060ff600160801b909104166003811115610f9157610f91612c71565b6003811115610fa257610fa2612c71565b815260028201546001600160a01b0316602082015260038201546040820152600482018054606090920191610fd6906131a8565b80601f0160208091040260200160405190810160405280929190818152602001828054611002906131a8565b801561104d5780601f106110245761010080835404028352916020019161104d565b820191905f5260205f20905b81548152906001019060200180831161103057829003601f168201915b50505050508152602001600582018054611066906131a8565b80601f0160208091040260200160405190810160405280929190818152602001828054611092906131a8565b80156110dd5780601f106110b4576101008083540402835291602001916110dd565b820191905f5260205f20905b8154815290600101906020018083116110c057829003601f168201915b5050505050815250509050919050565b5f8281526004602052604081205481906001600160a01b031661112657604051633d199f1160e01b8152600481018590526024016105d1565b5f8481526005602090815260408083206001600160401b03808816855292528220600181015490929116900361118157604051632c1afcf960e21b8152600481018690526001600160401b03851660248201526044016105d1565b80546001909101549092506001600160401b031690505b9250929050565b5f546001600160a01b031633146111cb57604051630bd4212160e11b81523360048201526024016105d1565b6111d88585858585612648565b5050505050565b5f818152600460205260408120546001600160a01b031661121657604051633d199f1160e01b8152600481018390526024016105d1565b505f908152600d602052604090205490565b5f818152600460205260408120805482916060916001600160a01b031661126557604051633d199f1160e01b8152600481018690526024016105d1565b5f858152600c6020526040902081548154600183018054600160e01b90930460ff16926001600160401b0390921691819061129f906131a8565b80601f01602080910402602001604051908101604052809291908181526020018280546112cb906131a8565b80156113165780601f106112ed57610100808354040283529160200191611316565b820191905f5260205f20905b8154815290600101906020018083116112f957829003601f168201915b5050505050905094509450945050509193909250565b5f8181526004602052604081208054829182916001600160a01b031661136857604051633d199f1160e01b8152600481018690526024016105d1565b545f8581526005602090815260408083206001600160401b03600160a01b90950485168085529252909120805460019091015491955093501690509193909250565b5f546001600160a01b031633146113d657604051630bd4212160e11b81523360048201526024016105d1565b5f86815260046020526040902080546001600160a01b031661140e57604051633d199f1160e01b8152600481018890526024016105d1565b8054600160e01b900460ff1661143a5760405163230b83a160e01b8152600481018890526024016105d1565b5f878152600d602052604090205480156114715760405163141e0b6b60e31b815260048101899052602481018290526044016105d1565b61147e8787878787612648565b5f888152600d602090815260408083208a9055898352600e9091528082208a90555188918a917fa0900a35278c9cfaf7f7e94c9703f4fa742d08e11847f67934053785e1355ae79190a35050505050505050565b5f85815260046020526040812080546001600160a01b031661150a57604051633d199f1160e01b8152600481018890526024016105d1565b846115285760405163dde144b360e01b815260040160405180910390fd5b5f8390036115495760405163db72b02360e01b815260040160405180910390fd5b80546001600160401b03600160a01b9091048116908716106115a357805460405163965bdea160e01b8152600481018990526001600160401b038089166024830152600160a01b90920490911660448201526064016105d1565b5f6115af3389896125c4565b5f818152600b602052604090205490915080156115fe5760405163127b740560e21b8152600481018a90526001600160401b0389166024820152336044820152606481018290526084016105d1565b335f908152600a602052604090205460088110611637576040516305806f4160e41b8152336004820152600860248201526044016105d1565b6116428160016131f4565b335f908152600a602052604081209190915560098054600181810183559190925260069091027f6e1540171b6c0c960b71a7020d9f60077f6af931a8bbf590da0223dacf75c7af81018c81557f6e1540171b6c0c960b71a7020d9f60077f6af931a8bbf590da0223dacf75c7b09091018054436001600160401b03908116600160401b026001600160801b0319909216908e16171780825591929160ff60801b1916600160801b8302179055506002810180546001600160a01b031916331790556003810189905560048101611719888a836132ea565b506009545f858152600b6020526040908190208290555190965033908c9088907f0cc265aecc03b9f6cbfc6b563f676020d5b859cbfb4287563e8e4b89f7cb7a1b9061176c908f908f908f908f9061340d565b60405180910390a4505050505095945050505050565b5f546001600160a01b031633146117ae57604051630bd4212160e11b81523360048201526024016105d1565b6001600160a01b0381166117d55760405163d92e233d60e01b815260040160405180910390fd5b5f82815260046020526040902080546001600160a01b03168061180e57604051633d199f1160e01b8152600481018590526024016105d1565b81546001600160a01b0319166001600160a01b0384811691821784556040519083169086907f8898da45126dc1dcc361978a844bf411f41a79c93765f3ade20c2b94e02d381f905f90a450505050565b6002546001600160a01b0316331461188b576040516301050cfb60e31b81523360048201526024016105d1565b600283600381111561189f5761189f612c71565b141580156118bf575060038360038111156118bc576118bc612c71565b14155b156118df5782604051634262666360e01b81526004016105d1919061343f565b8315806118ed575060095484115b1561190e57604051638f09a29b60e01b8152600481018590526024016105d1565b5f600961191c600187613226565b8154811061192c5761192c61316c565b5f91825260209091206006909102019050600180820154600160801b900460ff16600381111561195e5761195e612c71565b1461199157848160010160109054906101000a900460ff16604051632082230f60e01b81526004016105d192919061344d565b60018101805485919060ff60801b1916600160801b8360038111156119b8576119b8612c71565b0217905550600581016119cc8385836132ea565b506002810154815460018301546001600160a01b0390921691600b915f916119fe9185916001600160401b03166125c4565b81526020019081526020015f205f90556001600a5f836001600160a01b03166001600160a01b031681526020019081526020015f205f828254611a419190613226565b9091555050815460405187907f610df23b8091fec8296d24fcf1c14767c198d992d4fc25b9a117bf1d2aac13b990611a7e90899089908990613461565b60405180910390a3505050505050565b5f546001600160a01b03163314611aba57604051630bd4212160e11b81523360048201526024016105d1565b5f83815260046020526040902080546001600160a01b0316611af257604051633d199f1160e01b8152600481018590526024016105d1565b8054600160e01b900460ff1615611b1f57604051631105143f60e21b8152600481018590526024016105d1565b82611b3d576040516358f6ee4160e11b815260040160405180910390fd5b80546001600160401b03600160a01b909104811690831611611b97578054604051630a5485a960e21b8152600481018690526001600160401b038085166024830152600160a01b90920490911660448201526064016105d1565b5f848152600f60205260409020805415611c2a5780545f908290611bbd90600190613226565b81548110611bcd57611bcd61316c565b5f9182526020909120600160029092020101546001600160401b03908116915084168110611c285760405163218dd31560e11b8152600481018790526001600160401b038086166024830152821660448201526064016105d1565b505b604080516060810182528581526001600160401b038581166020808401828152438416858701908152875460018082018a555f8a815285902097516002909202909701908155915191909501805495518516600160401b026001600160801b031990961691909416179390931790915582518781529182015286917f9a3d8619dc4d8a24e7406792d9188714fd8b775bbf24dbee3f50f6437ae444469101610dde565b611d166040518060c001604052805f81526020015f6001600160a01b031681526020015f6001600160401b031681526020015f1515815260200160608152602001606081525090565b5f60075f611d2688888888612610565b815260208101919091526040015f208054909150611d5f578585858560405163237ac1e960e21b81526004016105d19493929190613261565b6040805160c0810182528254815260018301546001600160a01b0381166020830152600160a01b81046001600160401b031692820192909252600160e01b90910460ff161515606082015260028201805483916080840191611dc0906131a8565b80601f0160208091040260200160405190810160405280929190818152602001828054611dec906131a8565b8015611e375780601f10611e0e57610100808354040283529160200191611e37565b820191905f5260205f20905b815481529060010190602001808311611e1a57829003601f168201915b50505050508152602001600382018054611e50906131a8565b80601f0160208091040260200160405190810160405280929190818152602001828054611e7c906131a8565b8015611ec75780601f10611e9e57610100808354040283529160200191611ec7565b820191905f5260205f20905b815481529060010190602001808311611eaa57829003601f168201915b505050505081525050915050949350505050565b5f81815260046020526040812080546060929182918291906001600160a01b0316611f1c57604051633d199f1160e01b8152600481018790526024016105d1565b5f868152600f60205260409020805415611f645780548190611f4090600190613226565b81548110611f5057611f5061316c565b905f5260205f2090600202015f0154611f6a565b81600101545b82546002840180549297509187916001600160a01b03811691600160a01b9091046001600160401b0316908490611fa0906131a8565b80601f0160208091040260200160405190810160405280929190818152602001828054611fcc906131a8565b80156120175780601f10611fee57610100808354040283529160200191612017565b820191905f5260205f20905b815481529060010190602001808311611ffa57829003601f168201915b50505050509350955095509550955050509193509193565b5f8181526004602052604090208054606091906001600160a01b031661206b57604051633d199f1160e01b8152600481018490526024016105d1565b5f838152600f6020526040902080546120859060016131f4565b6001600160401b0381111561209c5761209c613292565b6040519080825280602002602001820160405280156120e557816020015b604080516060810182525f80825260208083018290529282015282525f199092019101816120ba5790505b5092506040518060600160405280836001015481526020015f6001600160401b031681526020015f6001600160401b0316815250835f8151811061212b5761212b61316c565b60200260200101819052505f5b81548110156121ca578181815481106121535761215361316c565b5f918252602091829020604080516060810182526002909302909101805483526001908101546001600160401b0380821695850195909552600160401b9004909316908201529085906121a79084906131f4565b815181106121b7576121b761316c565b6020908102919091010152600101612138565b505050919050565b335f9081526003602052604090205460ff166122035760405163e35593b560e01b81523360048201526024016105d1565b5f86900361222457604051632ef1310560e01b815260040160405180910390fd5b5f84900361224557604051632e56a66b60e11b815260040160405180910390fd5b826122635760405163506f3a1b60e01b815260040160405180910390fd5b5f60075f6122738a8a8a8a612610565b815260208101919091526040015f208054909150156122ad57878787876040516335c2c02560e21b81526004016105d19493929190613261565b8381556001810180546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b436001600160401b03160217905581156122fa57600281016122f88385836132ea565b505b60085f898960405161230d929190613199565b60408051918290039091208252602080830193909352015f9081208054600181018255908252919020016123428688836132ea565b50336001600160a01b031684898960405161235e929190613199565b60405180910390207f653fdb9f2fb4d5a384b5bb8cd603e6a94671f205883d96c50914da07d7a2f3868b8b8b8b8a8a60405161239f969594939291906133a3565b60405180910390a45050505050505050565b6006545f9082106123e3576006546040516394666f0d60e01b81526105d1918491600401918252602082015260400190565b600682815481106123f6576123f661316c565b905f5260205f2001549050919050565b5f83815260046020526040902080546001600160a01b03168061243f57604051633d199f1160e01b8152600481018690526024016105d1565b336001600160a01b0382161461247157604051630529a7e560e01b8152600481018690523360248201526044016105d1565b8154600160e01b900460ff161561249e57604051631105143f60e21b8152600481018690526024016105d1565b81546001600160401b03600160a01b909104811690851681106124ed5760405162e33ded60e71b8152600481018790526001600160401b038083166024830152861660448201526064016105d1565b8361251d57604051631b60053b60e31b8152600481018790526001600160401b03861660248201526044016105d1565b825467ffffffffffffffff60a01b1916600160a01b6001600160401b0387811691820292909217855560408051808201825287815243841660208083019182525f8c8152600582528481208682528252849020925183559051600192909201805467ffffffffffffffff1916929095169190911790935551868152909188917fbea4d11b910aad40d2df2a90d97a3329219b6389f85777c99daad7eb5fafd4399101611a7e565b604080516001600160a01b03851660208201529081018390526001600160401b03821660608201525f906080016040516020818303038152906040528051906020012090509392505050565b5f848484846040516020016126289493929190613261565b604051602081830303815290604052805190602001209050949350505050565b5f839003612669576040516319cb0b0d60e11b815260040160405180910390fd5b5f6002858560405161267c929190613199565b602060405180830381855afa158015612697573d5f5f3e3d5ffd5b5050506040513d601f19601f820116820180604052508101906126ba9190613481565b90508086146126e6576040516305cb37c360e31b815260048101879052602481018290526044016105d1565b82612704576040516358f6ee4160e11b815260040160405180910390fd5b6001600160a01b03821661272b5760405163d92e233d60e01b815260040160405180910390fd5b5f86815260046020526040902080546001600160a01b03161561276457604051630e97eae160e11b8152600481018890526024016105d1565b80546001600160a01b0319166001600160a01b03841617815560018101849055600281016127938688836132ea565b50600680546001810182555f919091527ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f018790556040516001600160a01b0384169088907f8ce5412b2fbb70e5dd37fb309fd1a552e6de8a5e69295ca3457cabfd36fc618290612809908a908a908a90613498565b60405180910390a36040516001600160a01b038416905f9089907f8898da45126dc1dcc361978a844bf411f41a79c93765f3ade20c2b94e02d381f908390a450505050505050565b5f60208284031215612861575f5ffd5b5035919050565b5f5f83601f840112612878575f5ffd5b5081356001600160401b0381111561288e575f5ffd5b6020830191508360208260051b8501011115611198575f5ffd5b5f5f5f5f5f5f606087890312156128bd575f5ffd5b86356001600160401b038111156128d2575f5ffd5b6128de89828a01612868565b90975095505060208701356001600160401b038111156128fc575f5ffd5b61290889828a01612868565b90955093505060408701356001600160401b03811115612926575f5ffd5b61293289828a01612868565b979a9699509497509295939492505050565b80356001600160a01b038116811461295a575f5ffd5b919050565b80356001600160401b038116811461295a575f5ffd5b5f5f5f60608486031215612987575f5ffd5b61299084612944565b9250602084013591506129a56040850161295f565b90509250925092565b5f5f83601f8401126129be575f5ffd5b5081356001600160401b038111156129d4575f5ffd5b602083019150836020828501011115611198575f5ffd5b5f5f602083850312156129fc575f5ffd5b82356001600160401b03811115612a11575f5ffd5b612a1d858286016129ae565b90969095509350505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b82811015612aae57603f19878603018452612a99858351612a29565b94506020938401939190910190600101612a7d565b50929695505050505050565b5f60208284031215612aca575f5ffd5b61076b82612944565b5f5f60408385031215612ae4575f5ffd5b82359150612af46020840161295f565b90509250929050565b6060810161086a8284805182526001600160401b0360208201511660208301526001600160401b0360408201511660408301525050565b5f5f5f5f5f5f60608789031215612b49575f5ffd5b86356001600160401b03811115612b5e575f5ffd5b612b6a89828a016129ae565b90975095505060208701356001600160401b03811115612b88575f5ffd5b612b9489828a016129ae565b90955093505060408701356001600160401b03811115612bb2575f5ffd5b61293289828a016129ae565b5f5f60408385031215612bcf575f5ffd5b612bd883612944565b915060208301358015158114612bec575f5ffd5b809150509250929050565b5f5f5f60608486031215612c09575f5ffd5b83359250612c196020850161295f565b929592945050506040919091013590565b5f5f5f60408486031215612c3c575f5ffd5b8335925060208401356001600160401b03811115612c58575f5ffd5b612c64868287016129ae565b9497909650939450505050565b634e487b7160e01b5f52602160045260245ffd5b60048110612ca157634e487b7160e01b5f52602160045260245ffd5b9052565b60208152815160208201526001600160401b0360208301511660408201525f6040830151612cde60608401826001600160401b03169052565b506060830151612cf16080840182612c85565b5060808301516001600160a01b03811660a08401525060a083015160c083015260c083015161010060e0840152612d2c610120840182612a29565b905060e0840151601f1984830301610100850152612d4a8282612a29565b95945050505050565b5f5f5f5f5f60808688031215612d67575f5ffd5b8535945060208601356001600160401b03811115612d83575f5ffd5b612d8f888289016129ae565b90955093505060408601359150612da860608701612944565b90509295509295909350565b83151581526001600160401b0383166020820152606060408201525f612d4a6060830184612a29565b5f5f5f5f5f5f60a08789031215612df2575f5ffd5b863595506020870135945060408701356001600160401b03811115612e15575f5ffd5b612e2189828a016129ae565b90955093505060608701359150612e3a60808801612944565b90509295509295509295565b5f5f5f5f5f60808688031215612e5a575f5ffd5b85359450612e6a6020870161295f565b93506040860135925060608601356001600160401b03811115612e8b575f5ffd5b612e97888289016129ae565b969995985093965092949392505050565b5f5f60408385031215612eb9575f5ffd5b82359150612af460208401612944565b5f5f5f5f60608587031215612edc575f5ffd5b84359350602085013560048110612ef1575f5ffd5b925060408501356001600160401b03811115612f0b575f5ffd5b612f17878288016129ae565b95989497509550505050565b5f5f5f60608486031215612f35575f5ffd5b83359250602084013591506129a56040850161295f565b5f5f5f5f60408587031215612f5f575f5ffd5b84356001600160401b03811115612f74575f5ffd5b612f80878288016129ae565b90955093505060208501356001600160401b03811115612f0b575f5ffd5b602081528151602082015260018060a01b0360208301511660408201526001600160401b0360408301511660608201526060820151151560808201525f608083015160c060a0840152612ff460e0840182612a29565b905060a0840151601f198483030160c0850152612d4a8282612a29565b608081525f6130236080830187612a29565b6020830195909552506001600160a01b039290921660408301526001600160401b0316606090910152919050565b602080825282518282018190525f918401906040840190835b818110156130bc576130a6838551805182526001600160401b0360208201511660208301526001600160401b0360408201511660408301525050565b602093909301926060929092019160010161306a565b509095945050505050565b5f5f5f5f5f5f5f6080888a0312156130dd575f5ffd5b87356001600160401b038111156130f2575f5ffd5b6130fe8a828b016129ae565b90985096505060208801356001600160401b0381111561311c575f5ffd5b6131288a828b016129ae565b9096509450506040880135925060608801356001600160401b0381111561314d575f5ffd5b6131598a828b016129ae565b989b979a50959850939692959293505050565b634e487b7160e01b5f52603260045260245ffd5b5f60208284031215613190575f5ffd5b61076b8261295f565b818382375f9101908152919050565b600181811c908216806131bc57607f821691505b6020821081036131da57634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561086a5761086a6131e0565b5f8261322157634e487b7160e01b5f52601260045260245ffd5b500490565b8181038181111561086a5761086a6131e0565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b604081525f613274604083018688613239565b8281036020840152613287818587613239565b979650505050505050565b634e487b7160e01b5f52604160045260245ffd5b601f821115610c9657805f5260205f20601f840160051c810160208510156132cb5750805b601f840160051c820191505b818110156111d8575f81556001016132d7565b6001600160401b0383111561330157613301613292565b6133158361330f83546131a8565b836132a6565b5f601f841160018114613346575f851561332f5750838201355b5f19600387901b1c1916600186901b1783556111d8565b5f83815260208120601f198716915b828110156133755786850135825560209485019460019092019101613355565b5086821015613391575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b606081525f6133b660608301888a613239565b82810360208401526133c9818789613239565b905082810360408401526133de818587613239565b9998505050505050505050565b6001600160401b0384168152604060208201525f612d4a604083018486613239565b6001600160401b0385168152836020820152606060408201525f613435606083018486613239565b9695505050505050565b6020810161086a8284612c85565b8281526040810161076b6020830184612c85565b61346b8185612c85565b604060208201525f612d4a604083018486613239565b5f60208284031215613491575f5ffd5b5051919050565b604081525f6134ab604083018587613239565b905082602083015294935050505056fea2646970667358221220a5e4d315e1ef37330b8ec529e52ae941789265161fe6bce1f2c9a358513cdf1a64736f6c634300081e0033",
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
// Solidity: function modelVersion(string name, string version) view returns((bytes32,address,uint64,bool,string,string))
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
// Solidity: function modelVersion(string name, string version) view returns((bytes32,address,uint64,bool,string,string))
func (glassboxRegistry *GlassboxRegistry) TryPackModelVersion(name string, version string) ([]byte, error) {
	return glassboxRegistry.abi.Pack("modelVersion", name, version)
}

// UnpackModelVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd0712f6b.
//
// Solidity: function modelVersion(string name, string version) view returns((bytes32,address,uint64,bool,string,string))
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
// the contract method with ID 0xdee8186a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerModel(string name, string version, bytes32 artifactDigest, string metadataURI) returns()
func (glassboxRegistry *GlassboxRegistry) PackRegisterModel(name string, version string, artifactDigest [32]byte, metadataURI string) []byte {
	enc, err := glassboxRegistry.abi.Pack("registerModel", name, version, artifactDigest, metadataURI)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdee8186a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerModel(string name, string version, bytes32 artifactDigest, string metadataURI) returns()
func (glassboxRegistry *GlassboxRegistry) TryPackRegisterModel(name string, version string, artifactDigest [32]byte, metadataURI string) ([]byte, error) {
	return glassboxRegistry.abi.Pack("registerModel", name, version, artifactDigest, metadataURI)
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
