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
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"AlreadyDeprecated\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"DisputeClosed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyBatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyName\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyOrigin\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyReason\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyVersion\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"IndexOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"outcome\",\"type\":\"uint8\"}],\"name\":\"InvalidOutcome\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"logIds\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"treeSizes\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"roots\",\"type\":\"uint256\"}],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"LogExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"expected\",\"type\":\"bytes32\"}],\"name\":\"LogIdMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotAdmin\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"NotAnchored\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotAnchorer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPendingAdmin\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPublisher\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotResolver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"SizeNotGrowing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"UnknownDispute\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"UnknownLog\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"UnknownVersion\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"VersionExists\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroDigest\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroLeafHash\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroPublicKey\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"ZeroRoot\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"admin\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"pendingAdmin\",\"type\":\"address\"}],\"name\":\"AdminTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousAdmin\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newAdmin\",\"type\":\"address\"}],\"name\":\"AdminTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"Anchored\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousAnchorer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newAnchorer\",\"type\":\"address\"}],\"name\":\"AnchorerChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"leafHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reasonURI\",\"type\":\"string\"}],\"name\":\"DisputeFiled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"outcome\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"resolutionURI\",\"type\":\"string\"}],\"name\":\"DisputeResolved\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"}],\"name\":\"LogRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"string\",\"name\":\"nameKey\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"ModelDeprecated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"string\",\"name\":\"nameKey\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"artifactDigest\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"ModelRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"enabled\",\"type\":\"bool\"}],\"name\":\"PublisherSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousResolver\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newResolver\",\"type\":\"address\"}],\"name\":\"ResolverChanged\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"acceptAdmin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"admin\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"anchor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"logIds\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint64[]\",\"name\":\"treeSizes\",\"type\":\"uint64[]\"},{\"internalType\":\"bytes32[]\",\"name\":\"roots\",\"type\":\"bytes32[]\"}],\"name\":\"anchorMany\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"deprecateModel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"dispute\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"filedBlock\",\"type\":\"uint64\"},{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"filer\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"leafHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reasonURI\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"resolutionURI\",\"type\":\"string\"}],\"internalType\":\"structGlassboxRegistry.Dispute\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"disputeCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"leafIndex\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"leafHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"reasonURI\",\"type\":\"string\"}],\"name\":\"fileDispute\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"isPublisher\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"latestAnchor\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"logCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"logIdAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"}],\"name\":\"logInfo\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"latestSize\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"}],\"name\":\"modelVersion\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"artifactDigest\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"deprecated\",\"type\":\"bool\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"deprecationReason\",\"type\":\"string\"}],\"internalType\":\"structGlassboxRegistry.ModelVersion\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingAdmin\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"origin\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"publicKey\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"}],\"name\":\"registerLog\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"artifactDigest\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"registerModel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"enumGlassboxRegistry.DisputeStatus\",\"name\":\"outcome\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"resolutionURI\",\"type\":\"string\"}],\"name\":\"resolveDispute\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"resolver\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"treeSize\",\"type\":\"uint64\"}],\"name\":\"rootAt\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"logId\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"newAnchorer\",\"type\":\"address\"}],\"name\":\"setAnchorer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"enabled\",\"type\":\"bool\"}],\"name\":\"setPublisher\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newResolver\",\"type\":\"address\"}],\"name\":\"setResolver\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newAdmin\",\"type\":\"address\"}],\"name\":\"transferAdmin\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"}],\"name\":\"versionsOf\",\"outputs\":[{\"internalType\":\"string[]\",\"name\":\"\",\"type\":\"string[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "GlassboxRegistry",
	Bin: "0x6080604052348015600e575f5ffd5b505f8054336001600160a01b03199182168117835560028054909216811790915580825260036020526040808320805460ff19166001179055519091907ff8ccb027dfcd135e000e9d45e6cc2d662578a8825d4c45b5e32e0adf67e79ec6908290a360405133905f907fb6da02d7f709053860937d05075ac827880d84a5ec2267ed2b8a76714302f4fc908290a36040516001815233907f7caa8f8f06897e1155bc1f07edd62aa5b0c96ea5f16f620688d633a9769ff4b89060200160405180910390a261251b806100df5f395ff3fe608060405234801561000f575f5ffd5b506004361061016d575f3560e01c8063930b6ace116100d9578063bcb7a48911610093578063dbbcee351161006e578063dbbcee3514610395578063dee8186a146103b8578063edeff53f146103cb578063f851a440146103de575f5ffd5b8063bcb7a4891461034f578063c316939c14610362578063d0712f6b14610375575f5ffd5b8063930b6ace146102a25780639938cc34146102d2578063a28889e1146102e5578063a503898f146102f7578063b629d6fd146102ff578063bca1c0861461033c575f5ffd5b80634e543b261161012a5780634e543b261461022357806353a055d214610236578063618bb0791461024957806370c127c61461025c57806375829def1461026f57806386d6282c14610282575f5ffd5b806304f3bcec146101715780630e18b681146101a1578063156bd35b146101ab57806326782247146101be5780632cf5cf8b146101d157806341859ac8146101f1575b5f5ffd5b600254610184906001600160a01b031681565b6040516001600160a01b0390911681526020015b60405180910390f35b6101a96103f0565b005b6101a96101b9366004611af1565b610478565b600154610184906001600160a01b031681565b6101e46101df366004611bca565b610554565b6040516101989190611c36565b6102136101ff366004611cb4565b60036020525f908152604090205460ff1681565b6040519015158152602001610198565b6101a9610231366004611cb4565b610652565b6101a9610244366004611cd4565b610700565b6101a9610257366004611d5e565b61083d565b6101a961026a366004611dad565b6108ee565b6101a961027d366004611cb4565b6108fe565b610295610290366004611de0565b61099c565b6040516101989190611e2b565b6102b56102b0366004611ed9565b610bfe565b604080519283526001600160401b03909116602083015201610198565b6101a96102e0366004611f03565b610cb0565b6009545b604051908152602001610198565b6006546102e9565b61031261030d366004611de0565b610ee5565b604080516001600160401b0394851681526020810193909352921691810191909152606001610198565b6102e961034a366004611f64565b610f63565b6101a961035d366004611fc6565b611102565b6101a9610370366004611fe7565b6111de565b610388610383366004612041565b611394565b6040516101989190612093565b6103a86103a3366004611de0565b6115a2565b6040516101989493929190612106565b6101a96103c6366004612146565b6116a9565b6102e96103d9366004611de0565b611888565b5f54610184906001600160a01b031681565b6001546001600160a01b0316331461042257604051631d0022d160e01b81523360048201526024015b60405180910390fd5b5f805460405133926001600160a01b03909216917ff8ccb027dfcd135e000e9d45e6cc2d662578a8825d4c45b5e32e0adf67e79ec691a35f80546001600160a01b03199081163317909155600180549091169055565b8483811415806104885750808214155b156104b757604051638ee979f560e01b8152600481018290526024810185905260448101839052606401610419565b805f036104d75760405163c2e5347d60e01b815260040160405180910390fd5b5f5b8181101561054a576105428888838181106104f6576104f66121eb565b9050602002013587878481811061050f5761050f6121eb565b905060200201602081019061052491906121ff565b868685818110610536576105366121eb565b905060200201356118dd565b6001016104d9565b5050505050505050565b606060085f8484604051610569929190612218565b604051809103902081526020019081526020015f20805480602002602001604051908101604052809291908181526020015f905b82821015610645578382905f5260205f200180546105ba90612227565b80601f01602080910402602001604051908101604052809291908181526020018280546105e690612227565b80156106315780601f1061060857610100808354040283529160200191610631565b820191905f5260205f20905b81548152906001019060200180831161061457829003601f168201915b50505050508152602001906001019061059d565b5050505090505b92915050565b5f546001600160a01b0316331461067e57604051630bd4212160e11b8152336004820152602401610419565b6001600160a01b0381166106a55760405163d92e233d60e01b815260040160405180910390fd5b6002546040516001600160a01b038084169216907fb6da02d7f709053860937d05075ac827880d84a5ec2267ed2b8a76714302f4fc905f90a3600280546001600160a01b0319166001600160a01b0392909216919091179055565b335f9081526003602052604090205460ff166107315760405163e35593b560e01b8152336004820152602401610419565b5f60075f61074189898989611a79565b815260208101919091526040015f20805490915061077a578686868660405163237ac1e960e21b81526004016104199493929190612287565b6001810154600160e01b900460ff16156107af5786868686604051636bb8518560e01b81526004016104199493929190612287565b60018101805460ff60e01b1916600160e01b17905581156107db57600381016107d9838583612317565b505b86866040516107eb929190612218565b60405180910390207f5ca5d121144690757882b3c5a1ea1a47a8e11865925c874f1b77e326a010b99988888888888860405161082c969594939291906123d0565b60405180910390a250505050505050565b5f546001600160a01b0316331461086957604051630bd4212160e11b8152336004820152602401610419565b6001600160a01b0382166108905760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0382165f81815260036020908152604091829020805460ff191685151590811790915591519182527f7caa8f8f06897e1155bc1f07edd62aa5b0c96ea5f16f620688d633a9769ff4b8910160405180910390a25050565b6108f98383836118dd565b505050565b5f546001600160a01b0316331461092a57604051630bd4212160e11b8152336004820152602401610419565b6001600160a01b0381166109515760405163d92e233d60e01b815260040160405180910390fd5b600180546001600160a01b0319166001600160a01b03831690811790915560405133907fe5cd1c804f1c9cc6d7009e4c0fb532f0e2d8863524c3323a6b3790c3f80bf25c905f90a350565b6109ea60408051610100810182525f8082526020820181905291810182905290606082019081526020015f6001600160a01b031681526020015f815260200160608152602001606081525090565b8115806109f8575060095482115b15610a1957604051638f09a29b60e01b815260048101839052602401610419565b6009610a26600184612418565b81548110610a3657610a366121eb565b5f918252602091829020604080516101008101825260069093029091018054835260018101546001600160401b0380821695850195909552600160401b8104909416918301919091529091606083019060ff600160801b909104166003811115610aa257610aa2611df7565b6003811115610ab357610ab3611df7565b815260028201546001600160a01b0316602082015260038201546040820152600482018054606090920191610ae790612227565b80601f0160208091040260200160405190810160405280929190818152602001828054610b1390612227565b8015610b5e5780601f10610b3557610100808354040283529160200191610b5e565b820191905f5260205f20905b815481529060010190602001808311610b4157829003601f168201915b50505050508152602001600582018054610b7790612227565b80601f0160208091040260200160405190810160405280929190818152602001828054610ba390612227565b8015610bee5780601f10610bc557610100808354040283529160200191610bee565b820191905f5260205f20905b815481529060010190602001808311610bd157829003601f168201915b5050505050815250509050919050565b5f8281526004602052604081205481906001600160a01b0316610c3757604051633d199f1160e01b815260048101859052602401610419565b5f8481526005602090815260408083206001600160401b038088168552925282206001810154909291169003610c9257604051632c1afcf960e21b8152600481018690526001600160401b0385166024820152604401610419565b80546001909101549092506001600160401b031690505b9250929050565b5f546001600160a01b03163314610cdc57604051630bd4212160e11b8152336004820152602401610419565b5f839003610cfd576040516319cb0b0d60e11b815260040160405180910390fd5b5f60028585604051610d10929190612218565b602060405180830381855afa158015610d2b573d5f5f3e3d5ffd5b5050506040513d601f19601f82011682018060405250810190610d4e9190612437565b9050808614610d7a576040516305cb37c360e31b81526004810187905260248101829052604401610419565b82610d98576040516358f6ee4160e11b815260040160405180910390fd5b6001600160a01b038216610dbf5760405163d92e233d60e01b815260040160405180910390fd5b5f86815260046020526040902080546001600160a01b031615610df857604051630e97eae160e11b815260048101889052602401610419565b80546001600160a01b0319166001600160a01b0384161781556001810184905560028101610e27868883612317565b50600680546001810182555f919091527ff652222313e28459528d920b65115c16c04f3efc82aaedc97be59f3f377c0d3f018790556040516001600160a01b0384169088907f8ce5412b2fbb70e5dd37fb309fd1a552e6de8a5e69295ca3457cabfd36fc618290610e9d908a908a908a9061244e565b60405180910390a36040516001600160a01b038416905f9089907f8898da45126dc1dcc361978a844bf411f41a79c93765f3ade20c2b94e02d381f908390a450505050505050565b5f8181526004602052604081208054829182916001600160a01b0316610f2157604051633d199f1160e01b815260048101869052602401610419565b545f8581526005602090815260408083206001600160401b03600160a01b90950485168085529252909120805460019091015491955093501690509193909250565b5f858152600460205260408120546001600160a01b0316610f9a57604051633d199f1160e01b815260048101879052602401610419565b83610fb85760405163dde144b360e01b815260040160405180910390fd5b5f829003610fd95760405163db72b02360e01b815260040160405180910390fd5b60098054600181810183555f929092526006027f6e1540171b6c0c960b71a7020d9f60077f6af931a8bbf590da0223dacf75c7af81018881557f6e1540171b6c0c960b71a7020d9f60077f6af931a8bbf590da0223dacf75c7b09091018054436001600160401b03908116600160401b026fffffffffffffffffffffffffffffffff19909216908a16171780825591929160ff60801b1916600160801b8302179055506002810180546001600160a01b0319163317905560038101859055600481016110a6848683612317565b506009805490509150336001600160a01b031687837f0cc265aecc03b9f6cbfc6b563f676020d5b859cbfb4287563e8e4b89f7cb7a1b898989896040516110f09493929190612471565b60405180910390a45095945050505050565b5f546001600160a01b0316331461112e57604051630bd4212160e11b8152336004820152602401610419565b6001600160a01b0381166111555760405163d92e233d60e01b815260040160405180910390fd5b5f82815260046020526040902080546001600160a01b03168061118e57604051633d199f1160e01b815260048101859052602401610419565b81546001600160a01b0319166001600160a01b0384811691821784556040519083169086907f8898da45126dc1dcc361978a844bf411f41a79c93765f3ade20c2b94e02d381f905f90a450505050565b6002546001600160a01b0316331461120b576040516301050cfb60e31b8152336004820152602401610419565b600283600381111561121f5761121f611df7565b1415801561123f5750600383600381111561123c5761123c611df7565b14155b1561125f5782604051634262666360e01b815260040161041991906124a3565b83158061126d575060095484115b1561128e57604051638f09a29b60e01b815260048101859052602401610419565b5f600961129c600187612418565b815481106112ac576112ac6121eb565b5f91825260209091206006909102019050600180820154600160801b900460ff1660038111156112de576112de611df7565b1461131157848160010160109054906101000a900460ff16604051632082230f60e01b81526004016104199291906124b1565b60018101805485919060ff60801b1916600160801b83600381111561133857611338611df7565b02179055506005810161134c838583612317565b50805f0154857f610df23b8091fec8296d24fcf1c14767c198d992d4fc25b9a117bf1d2aac13b9868686604051611385939291906124c5565b60405180910390a35050505050565b6113dd6040518060c001604052805f81526020015f6001600160a01b031681526020015f6001600160401b031681526020015f1515815260200160608152602001606081525090565b5f60075f6113ed88888888611a79565b815260208101919091526040015f208054909150611426578585858560405163237ac1e960e21b81526004016104199493929190612287565b6040805160c0810182528254815260018301546001600160a01b0381166020830152600160a01b81046001600160401b031692820192909252600160e01b90910460ff16151560608201526002820180548391608084019161148790612227565b80601f01602080910402602001604051908101604052809291908181526020018280546114b390612227565b80156114fe5780601f106114d5576101008083540402835291602001916114fe565b820191905f5260205f20905b8154815290600101906020018083116114e157829003601f168201915b5050505050815260200160038201805461151790612227565b80601f016020809104026020016040519081016040528092919081815260200182805461154390612227565b801561158e5780601f106115655761010080835404028352916020019161158e565b820191905f5260205f20905b81548152906001019060200180831161157157829003601f168201915b505050505081525050915050949350505050565b5f81815260046020526040812080546060929182918291906001600160a01b03166115e357604051633d199f1160e01b815260048101879052602401610419565b600181015481546002830180549092916001600160a01b03811691600160a01b9091046001600160401b031690849061161b90612227565b80601f016020809104026020016040519081016040528092919081815260200182805461164790612227565b80156116925780601f1061166957610100808354040283529160200191611692565b820191905f5260205f20905b81548152906001019060200180831161167557829003601f168201915b505050505093509450945094509450509193509193565b335f9081526003602052604090205460ff166116da5760405163e35593b560e01b8152336004820152602401610419565b5f8690036116fb57604051632ef1310560e01b815260040160405180910390fd5b5f84900361171c57604051632e56a66b60e11b815260040160405180910390fd5b8261173a5760405163506f3a1b60e01b815260040160405180910390fd5b5f60075f61174a8a8a8a8a611a79565b815260208101919091526040015f2080549091501561178457878787876040516335c2c02560e21b81526004016104199493929190612287565b8381556001810180546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b436001600160401b03160217905581156117d157600281016117cf838583612317565b505b60085f89896040516117e4929190612218565b60408051918290039091208252602080830193909352015f908120805460018101825590825291902001611819868883612317565b50336001600160a01b0316848989604051611835929190612218565b60405180910390207f653fdb9f2fb4d5a384b5bb8cd603e6a94671f205883d96c50914da07d7a2f3868b8b8b8b8a8a604051611876969594939291906123d0565b60405180910390a45050505050505050565b6006545f9082106118ba576006546040516394666f0d60e01b8152610419918491600401918252602082015260400190565b600682815481106118cd576118cd6121eb565b905f5260205f2001549050919050565b5f83815260046020526040902080546001600160a01b03168061191657604051633d199f1160e01b815260048101869052602401610419565b336001600160a01b0382161461194857604051630529a7e560e01b815260048101869052336024820152604401610419565b81546001600160401b03600160a01b909104811690851681106119975760405162e33ded60e71b8152600481018790526001600160401b03808316602483015286166044820152606401610419565b836119c757604051631b60053b60e31b8152600481018790526001600160401b0386166024820152604401610419565b825467ffffffffffffffff60a01b1916600160a01b6001600160401b0387811691820292909217855560408051808201825287815243841660208083019182525f8c8152600582528481208682528252849020925183559051600192909201805467ffffffffffffffff1916929095169190911790935551868152909188917fbea4d11b910aad40d2df2a90d97a3329219b6389f85777c99daad7eb5fafd439910160405180910390a3505050505050565b5f84848484604051602001611a919493929190612287565b604051602081830303815290604052805190602001209050949350505050565b5f5f83601f840112611ac1575f5ffd5b5081356001600160401b03811115611ad7575f5ffd5b6020830191508360208260051b8501011115610ca9575f5ffd5b5f5f5f5f5f5f60608789031215611b06575f5ffd5b86356001600160401b03811115611b1b575f5ffd5b611b2789828a01611ab1565b90975095505060208701356001600160401b03811115611b45575f5ffd5b611b5189828a01611ab1565b90955093505060408701356001600160401b03811115611b6f575f5ffd5b611b7b89828a01611ab1565b979a9699509497509295939492505050565b5f5f83601f840112611b9d575f5ffd5b5081356001600160401b03811115611bb3575f5ffd5b602083019150836020828501011115610ca9575f5ffd5b5f5f60208385031215611bdb575f5ffd5b82356001600160401b03811115611bf0575f5ffd5b611bfc85828601611b8d565b90969095509350505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b5f602082016020835280845180835260408501915060408160051b8601019250602086015f5b82811015611c8d57603f19878603018452611c78858351611c08565b94506020938401939190910190600101611c5c565b50929695505050505050565b80356001600160a01b0381168114611caf575f5ffd5b919050565b5f60208284031215611cc4575f5ffd5b611ccd82611c99565b9392505050565b5f5f5f5f5f5f60608789031215611ce9575f5ffd5b86356001600160401b03811115611cfe575f5ffd5b611d0a89828a01611b8d565b90975095505060208701356001600160401b03811115611d28575f5ffd5b611d3489828a01611b8d565b90955093505060408701356001600160401b03811115611d52575f5ffd5b611b7b89828a01611b8d565b5f5f60408385031215611d6f575f5ffd5b611d7883611c99565b915060208301358015158114611d8c575f5ffd5b809150509250929050565b80356001600160401b0381168114611caf575f5ffd5b5f5f5f60608486031215611dbf575f5ffd5b83359250611dcf60208501611d97565b929592945050506040919091013590565b5f60208284031215611df0575f5ffd5b5035919050565b634e487b7160e01b5f52602160045260245ffd5b60048110611e2757634e487b7160e01b5f52602160045260245ffd5b9052565b60208152815160208201526001600160401b0360208301511660408201525f6040830151611e6460608401826001600160401b03169052565b506060830151611e776080840182611e0b565b5060808301516001600160a01b03811660a08401525060a083015160c083015260c083015161010060e0840152611eb2610120840182611c08565b905060e0840151601f1984830301610100850152611ed08282611c08565b95945050505050565b5f5f60408385031215611eea575f5ffd5b82359150611efa60208401611d97565b90509250929050565b5f5f5f5f5f60808688031215611f17575f5ffd5b8535945060208601356001600160401b03811115611f33575f5ffd5b611f3f88828901611b8d565b90955093505060408601359150611f5860608701611c99565b90509295509295909350565b5f5f5f5f5f60808688031215611f78575f5ffd5b85359450611f8860208701611d97565b93506040860135925060608601356001600160401b03811115611fa9575f5ffd5b611fb588828901611b8d565b969995985093965092949392505050565b5f5f60408385031215611fd7575f5ffd5b82359150611efa60208401611c99565b5f5f5f5f60608587031215611ffa575f5ffd5b8435935060208501356004811061200f575f5ffd5b925060408501356001600160401b03811115612029575f5ffd5b61203587828801611b8d565b95989497509550505050565b5f5f5f5f60408587031215612054575f5ffd5b84356001600160401b03811115612069575f5ffd5b61207587828801611b8d565b90955093505060208501356001600160401b03811115612029575f5ffd5b602081528151602082015260018060a01b0360208301511660408201526001600160401b0360408301511660608201526060820151151560808201525f608083015160c060a08401526120e960e0840182611c08565b905060a0840151601f198483030160c0850152611ed08282611c08565b608081525f6121186080830187611c08565b6020830195909552506001600160a01b039290921660408301526001600160401b0316606090910152919050565b5f5f5f5f5f5f5f6080888a03121561215c575f5ffd5b87356001600160401b03811115612171575f5ffd5b61217d8a828b01611b8d565b90985096505060208801356001600160401b0381111561219b575f5ffd5b6121a78a828b01611b8d565b9096509450506040880135925060608801356001600160401b038111156121cc575f5ffd5b6121d88a828b01611b8d565b989b979a50959850939692959293505050565b634e487b7160e01b5f52603260045260245ffd5b5f6020828403121561220f575f5ffd5b611ccd82611d97565b818382375f9101908152919050565b600181811c9082168061223b57607f821691505b60208210810361225957634e487b7160e01b5f52602260045260245ffd5b50919050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b604081525f61229a60408301868861225f565b82810360208401526122ad81858761225f565b979650505050505050565b634e487b7160e01b5f52604160045260245ffd5b601f8211156108f957805f5260205f20601f840160051c810160208510156122f15750805b601f840160051c820191505b81811015612310575f81556001016122fd565b5050505050565b6001600160401b0383111561232e5761232e6122b8565b6123428361233c8354612227565b836122cc565b5f601f841160018114612373575f851561235c5750838201355b5f19600387901b1c1916600186901b178355612310565b5f83815260208120601f198716915b828110156123a25786850135825560209485019460019092019101612382565b50868210156123be575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b606081525f6123e360608301888a61225f565b82810360208401526123f681878961225f565b9050828103604084015261240b81858761225f565b9998505050505050505050565b8181038181111561064c57634e487b7160e01b5f52601160045260245ffd5b5f60208284031215612447575f5ffd5b5051919050565b604081525f61246160408301858761225f565b9050826020830152949350505050565b6001600160401b0385168152836020820152606060408201525f61249960608301848661225f565b9695505050505050565b6020810161064c8284611e0b565b82815260408101611ccd6020830184611e0b565b6124cf8185611e0b565b604060208201525f611ed060408301848661225f56fea2646970667358221220061ad9b9b8d6ff58162f11f5f88944009877071e5630e7c1c6f4fe6459454aec64736f6c634300081e0033",
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

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (glassboxRegistry *GlassboxRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["AlreadyDeprecated"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackAlreadyDeprecatedError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["DisputeClosed"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackDisputeClosedError(raw[4:])
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
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["LengthMismatch"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackLengthMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["LogExists"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackLogExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["LogIdMismatch"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackLogIdMismatchError(raw[4:])
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
	if bytes.Equal(raw[:4], glassboxRegistry.abi.Errors["SizeNotGrowing"].ID.Bytes()[:4]) {
		return glassboxRegistry.UnpackSizeNotGrowingError(raw[4:])
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
