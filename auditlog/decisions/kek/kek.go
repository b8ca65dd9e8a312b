// Package kek is an EXAMPLE of a [decisions.KEK] backed by a key
// management service: an envelope that names the KMS key it was wrapped
// under, over a small remote-call-shaped [KMS] interface. It is not a
// client of any real KMS; it shows the shape an adapter for one takes
// (a cloud KMS's Encrypt/Decrypt with a key id and additional data).
//
// # The envelope
//
// [Envelope.Wrap] asks the KMS to encrypt the layer's master key under
// KeyID, with the envelope's context string as additional data, and
// stores the key id beside the ciphertext. [Envelope.Unwrap] refuses a
// blob wrapped under another key id before any remote call, naming both
// ids, so that a log opened with the wrong key fails clearly.
//
// # Transports
//
// [MemoryKMS] keeps its keys in memory (tests and demos). [Handler] serves
// any KMS over HTTP and [Client] calls it, so a test can put the network
// between the log and its KMS; neither authenticates, both are examples.
package kek

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/glassbox-audit/glassbox/auditlog/decisions"
)

// KMS is the remote-call shape of a key management service: it encrypts
// and decrypts small blobs under a named key, binding additional data.
// Decrypt MUST fail for a ciphertext of another key or other data.
type KMS interface {
	Encrypt(ctx context.Context, keyID string, plaintext, aad []byte) ([]byte, error)
	Decrypt(ctx context.Context, keyID string, ciphertext, aad []byte) ([]byte, error)
}

// Envelope is a [decisions.KEK] that wraps under one key of a KMS.
type Envelope struct {
	KMS   KMS
	KeyID string
}

var envelopeMagic = []byte("gbkek1")

const envelopeAAD = "glassbox/v1/kms-envelope"

// Wrap encrypts key under e.KeyID: magic, the 16-bit length of the key id,
// the key id, then the KMS ciphertext.
func (e Envelope) Wrap(ctx context.Context, key []byte) ([]byte, error) {
	if e.KMS == nil || e.KeyID == "" || len(e.KeyID) > 0xffff {
		return nil, fmt.Errorf("%w: an envelope needs a KMS and a key id", decisions.ErrKEK)
	}
	ct, err := e.KMS.Encrypt(ctx, e.KeyID, key, []byte(envelopeAAD))
	if err != nil {
		return nil, fmt.Errorf("%w: KMS encrypt under %q: %w", decisions.ErrKEK, e.KeyID, err)
	}
	b := binary.BigEndian.AppendUint16(bytes.Clone(envelopeMagic), uint16(len(e.KeyID)))
	return append(append(b, e.KeyID...), ct...), nil
}

// Unwrap decrypts a blob of Wrap. A blob of another key id, or one the KMS
// does not decrypt, fails with an error wrapping decisions.ErrWrongKEK.
func (e Envelope) Unwrap(ctx context.Context, wrapped []byte) ([]byte, error) {
	rest, ok := bytes.CutPrefix(wrapped, envelopeMagic)
	if !ok || len(rest) < 2 || len(rest) < 2+int(binary.BigEndian.Uint16(rest)) {
		return nil, fmt.Errorf("%w: not a KMS envelope", decisions.ErrWrongKEK)
	}
	n := int(binary.BigEndian.Uint16(rest))
	id, ct := string(rest[2:2+n]), rest[2+n:]
	if id != e.KeyID {
		return nil, fmt.Errorf("%w: wrapped under KMS key %q, the envelope uses %q", decisions.ErrWrongKEK, id, e.KeyID)
	}
	if e.KMS == nil {
		return nil, fmt.Errorf("%w: an envelope needs a KMS", decisions.ErrKEK)
	}
	p, err := e.KMS.Decrypt(ctx, id, ct, []byte(envelopeAAD))
	if err != nil {
		return nil, fmt.Errorf("%w: KMS decrypt under %q: %w", decisions.ErrWrongKEK, id, err)
	}
	return p, nil
}

// MemoryKMS is an in-memory KMS: AES-256-GCM keys created on first use of
// a key id. Example and test use only: its keys die with the process.
type MemoryKMS struct {
	mu   sync.Mutex
	keys map[string]cipher.AEAD
}

// ErrDecrypt: a KMS could not decrypt a ciphertext.
var ErrDecrypt = errors.New("kek: decryption failed")

func (m *MemoryKMS) aead(keyID string) (cipher.AEAD, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.keys[keyID]; ok {
		return a, nil
	}
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	c, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	a, err := cipher.NewGCM(c)
	if err != nil {
		return nil, err
	}
	if m.keys == nil {
		m.keys = map[string]cipher.AEAD{}
	}
	m.keys[keyID] = a
	return a, nil
}

// Encrypt seals plaintext under keyID.
func (m *MemoryKMS) Encrypt(_ context.Context, keyID string, plaintext, aad []byte) ([]byte, error) {
	a, err := m.aead(keyID)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, a.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return a.Seal(nonce, nonce, plaintext, aad), nil
}

// Decrypt opens a ciphertext of Encrypt, or fails with ErrDecrypt.
func (m *MemoryKMS) Decrypt(_ context.Context, keyID string, ciphertext, aad []byte) ([]byte, error) {
	a, err := m.aead(keyID)
	if err != nil {
		return nil, err
	}
	if len(ciphertext) < a.NonceSize() {
		return nil, ErrDecrypt
	}
	p, err := a.Open(nil, ciphertext[:a.NonceSize()], ciphertext[a.NonceSize():], aad)
	if err != nil {
		return nil, ErrDecrypt
	}
	return p, nil
}

// request is the JSON body of both calls of the HTTP transport.
type request struct {
	KeyID string `json:"key_id"`
	Data  []byte `json:"data"`
	AAD   []byte `json:"aad"`
}

type response struct {
	Data  []byte `json:"data,omitempty"`
	Error string `json:"error,omitempty"`
}

// Handler serves k over HTTP: POST /encrypt and POST /decrypt with a JSON
// request; failures answer 400 with the error text. Example only: no
// authentication.
func Handler(k KMS) http.Handler {
	mux := http.NewServeMux()
	serve := func(fn func(ctx context.Context, keyID string, data, aad []byte) ([]byte, error)) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			var req request
			var resp response
			status := http.StatusOK
			if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&req); err != nil {
				status, resp.Error = http.StatusBadRequest, "bad request: "+err.Error()
			} else if out, err := fn(r.Context(), req.KeyID, req.Data, req.AAD); err != nil {
				status, resp.Error = http.StatusBadRequest, err.Error()
			} else {
				resp.Data = out
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			_ = json.NewEncoder(w).Encode(resp)
		}
	}
	mux.HandleFunc("POST /encrypt", serve(k.Encrypt))
	mux.HandleFunc("POST /decrypt", serve(k.Decrypt))
	return mux
}

// Client is a KMS reached over HTTP at BaseURL (a [Handler]).
type Client struct {
	BaseURL string
	HTTP    *http.Client // nil: http.DefaultClient
}

// Encrypt calls POST BaseURL/encrypt.
func (c *Client) Encrypt(ctx context.Context, keyID string, plaintext, aad []byte) ([]byte, error) {
	return c.call(ctx, "/encrypt", keyID, plaintext, aad)
}

// Decrypt calls POST BaseURL/decrypt.
func (c *Client) Decrypt(ctx context.Context, keyID string, ciphertext, aad []byte) ([]byte, error) {
	return c.call(ctx, "/decrypt", keyID, ciphertext, aad)
}

func (c *Client) call(ctx context.Context, path, keyID string, data, aad []byte) ([]byte, error) {
	body, err := json.Marshal(request{KeyID: keyID, Data: data, AAD: aad})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	res, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("kek: KMS call %s: %w", path, err)
	}
	defer res.Body.Close()
	var resp response
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<16)).Decode(&resp); err != nil {
		return nil, fmt.Errorf("kek: KMS call %s: status %s, unreadable answer: %w", path, res.Status, err)
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("kek: KMS call %s: status %s: %s", path, res.Status, resp.Error)
	}
	return resp.Data, nil
}
