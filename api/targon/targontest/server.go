package targontest

import (
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/internal/simfault"
)

// Server is an in-memory Targon /tha/v2 API. It is an http.Handler and is
// safe for concurrent use. ServeHTTP, the fault injection (InjectFault,
// ClearFaults) and the request log (Requests, MaxInFlight, ResetRequests)
// are those of simfault.Front.
type Server struct {
	*front // latency, faults and the request log around serveAPI
	clock  func() time.Time

	mu  sync.Mutex // guards everything below
	st  store
	rng *rand.Rand // seeded source for generated accounts and data
	// apiRand is the source for keys created or rolled through the API:
	// crypto/rand, or rng with WithSeededSecrets.
	apiRand func() uint64
	// usage and creditReads: see WithUsage.
	usage       bool
	creditReads int
	primary     *account
	inUse       *apiKey // the primary account's key reported by DemoKey
	currency    string
}

// front is the Server's simfault.Front: InjectFault (an injected error
// status without a Body gets Targon's JSON error body and, for 401, a
// WWW-Authenticate challenge), ClearFaults, Requests, MaxInFlight,
// ResetRequests and ServeHTTP are its.
type front = simfault.Front

// Starting balances.
const (
	defaultCredits = 50000
	demoCredits    = 1284750
)

func newServer(opts []Option) (*Server, config) {
	c := config{clock: time.Now, seed: defaultSeed, currency: "USD"}
	for _, o := range opts {
		o(&c)
	}
	s := &Server{
		clock:    c.clock,
		st:       newStore(),
		rng:      rand.New(rand.NewPCG(uint64(c.seed), pcgStream)),
		currency: c.currency,
		apiRand:  cryptoUint64,
		usage:    c.usage,
	}
	if c.seededSecrets {
		s.apiRand = s.rng.Uint64
	}
	s.front = simfault.NewFront(http.HandlerFunc(s.serveAPI), c.latency, maxBodyBytes, faultBody)
	return s, c
}

// New returns a server with a primary account holding a balance of 50,000
// and exactly one API key, whose secret DemoKey returns.
func New(opts ...Option) *Server {
	s, c := newServer(opts)
	credits := int64(defaultCredits)
	if c.credits != nil {
		credits = *c.credits
	}
	now := s.now()
	s.seedPrimary(credits, []seedAPIKey{{name: "default", age: 0, inUse: true}}, nil, c, now)
	return s
}

// NewDemo returns a server whose primary account looks lived-in: a balance
// of 1,284,750 USD, eight API keys and five SSH keys with plausible names
// and dates over the past ten months. DemoKey returns the secret of the key
// named "targon-dash (this laptop)". The data depends only on the clock and
// the seed, so screenshots are reproducible.
func NewDemo(opts ...Option) *Server {
	s, c := newServer(opts)
	credits := int64(demoCredits)
	if c.credits != nil {
		credits = *c.credits
	}
	s.seedPrimary(credits, demoAPIKeys, demoSSHKeys, c, s.now())
	return s
}

// now is the API's current time: UTC, whole seconds.
func (s *Server) now() time.Time { return s.clock().UTC().Truncate(time.Second) }

// DemoKey returns the current secret (key_raw) of the primary account's
// key in use: it changes when that key is rolled, and is "" once it is
// deleted.
func (s *Server) DemoKey() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inUse == nil || s.st.apiKeys[s.inUse.uid] != s.inUse {
		return ""
	}
	return s.inUse.raw
}

// AddAccount adds another account with the given balance and one API key
// named "default", and returns that key's secret. Keys of one account are
// forbidden (403) to the others.
func (s *Server) AddAccount(credits int64) (key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.st.newAccount(credits, s.currency)
	now := s.now()
	return s.st.addAPIKey(a, "default", now, now, s.rng.Uint64).raw
}

// SetCredits sets the primary account's balance.
func (s *Server) SetCredits(credits int64) {
	s.mu.Lock()
	s.primary.credits = credits
	s.mu.Unlock()
}
