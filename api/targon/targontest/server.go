package targontest

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/internal/simfault"
)

// Server is an in-memory Targon API, /tha/v2 and /tha/v3 (see WithV2 and
// WithoutV3 for the surfaces it serves). It is an http.Handler and is
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
	// v3 is the /tha/v3 configuration; its v2 mode changes with SetV2.
	v3 v3Config
	// rng3 is the seeded source of the v3 data (orgs, members, service
	// tokens, org SSH keys), apart from rng so the v2 data and keys
	// created through the API come out as they always did.
	rng3    *rand.Rand
	demoOrg *org // the org DemoOrg names
}

// front is the Server's simfault.Front: InjectFault (an injected error
// status without a Body gets Targon's JSON error body and, for 401, a
// WWW-Authenticate challenge), ClearFaults, Requests, MaxInFlight,
// ResetRequests and ServeHTTP are its.
type front = simfault.Front

// Starting balances.
const (
	defaultCredits  = 50000
	demoCredits     = 1284750
	defaultOrgCents = 50000 // 500.00 USD in a PERSONAL org of New or AddAccount
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
		v3:       c.v3,
		rng3:     rand.New(rand.NewPCG(uint64(c.seed), pcgStreamV3)),
	}
	if s.v3.createStatus == 0 {
		s.v3.createStatus = http.StatusCreated
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
	s.st.setProfile(s.primary, profile{username: "dev", email: "dev@example.com"}, defaultOrgCents, now, s.rng3.Uint64)
	s.demoOrg = s.primary.personal
	s.addOrgKeys(s.demoOrg, s.generatedOrgKeys(c.sshKeys, now))
	return s
}

// NewDemo returns a server whose primary account looks lived-in: a balance
// of 1,284,750 USD, eight API keys and five SSH keys with plausible names
// and dates over the past ten months. DemoKey returns the secret of the key
// named "targon-dash (this laptop)". The data depends only on the clock and
// the seed, so screenshots are reproducible.
//
// Over /tha/v3 the same user, alice, has the same keys as personal API
// tokens and two organizations: her PERSONAL one, "alice", low on credits,
// and the team "acme" (DemoOrg), where she is ADMIN; each has SSH keys and
// service tokens of its own, and acme has members.
func NewDemo(opts ...Option) *Server {
	s, c := newServer(opts)
	credits := int64(demoCredits)
	if c.credits != nil {
		credits = *c.credits
	}
	now := s.now()
	s.seedPrimary(credits, demoAPIKeys, demoSSHKeys, c, now)
	s.seedDemoV3(now, c.sshKeys)
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
// forbidden (403) to the others. Over v3 the account is a user named like
// "user-2" with a PERSONAL org of that slug holding 500.00 USD.
func (s *Server) AddAccount(credits int64) (key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.st.newAccount(credits, s.currency)
	now := s.now()
	s.st.setProfile(a, profile{username: fmt.Sprintf("user-%d", len(s.st.accounts))}, defaultOrgCents, now, s.rng3.Uint64)
	return s.st.addAPIKey(a, "default", now, now, s.rng.Uint64).raw
}

// SetCredits sets the primary account's balance.
func (s *Server) SetCredits(credits int64) {
	s.mu.Lock()
	s.primary.credits = credits
	s.mu.Unlock()
}
