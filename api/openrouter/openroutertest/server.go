package openroutertest

import (
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/internal/simfault"
)

// BasePath is the prefix under which a Server serves the API, as
// openrouter.ai does: a client's base URL is the server's URL + BasePath.
const BasePath = "/api/v1"

// Server is an in-memory OpenRouter key-management API. It is an
// http.Handler and is safe for concurrent use. ServeHTTP, the fault
// injection (InjectFault, ClearFaults) and the request log (Requests,
// MaxInFlight, ResetRequests) are those of simfault.Front.
type Server struct {
	*front // latency, faults and the request log around serveAPI
	clock  func() time.Time

	mu  sync.Mutex // guards everything below
	st  store
	rng *rand.Rand // seeded source for generated data
	// extra is a second seeded source, for the data added since the
	// first release (workspaces, the second workspace's keys, daily
	// histories), so that what rng gives stays as it was.
	extra *rand.Rand
	// apiRand is the source for keys created through the API: crypto/rand,
	// or rng with WithSeededSecrets.
	apiRand      func() uint64
	user         string       // the account's user id (creator_user_id)
	workspace    string       // the default workspace's id
	workspaces   []*workspace // every workspace, the oldest (the default) first
	histories    []*history   // what generated keys spent by day, in the order made
	totalCredits float64
	totalUsage   float64
	management   *key // DemoManagementKey's key
	inference    *key // DemoInferenceKey's key, or nil
}

// front is the Server's simfault.Front: InjectFault (an injected error
// status without a Body gets OpenRouter's error body), ClearFaults,
// Requests, MaxInFlight, ResetRequests and ServeHTTP are its.
type front = simfault.Front

func newServer(opts []Option) (*Server, config) {
	c := config{clock: time.Now, seed: defaultSeed}
	for _, o := range opts {
		o(&c)
	}
	s := &Server{
		clock:   c.clock,
		st:      newStore(),
		rng:     rand.New(rand.NewPCG(uint64(c.seed), pcgStream)),
		extra:   rand.New(rand.NewPCG(uint64(c.seed), extraStream)),
		apiRand: cryptoUint64,
	}
	if c.seededSecrets {
		s.apiRand = s.rng.Uint64
	}
	s.user = newUserID(s.rng.Uint64)
	s.workspace = newUUID(s.rng.Uint64)
	s.front = simfault.NewFront(http.HandlerFunc(s.serveAPI), c.latency, maxBodyBytes, faultBody)
	return s, c
}

// New returns a server whose account holds one management key (see
// DemoManagementKey), no inference keys but those of WithKeys, one
// workspace (the default) and those of WithWorkspaces, and credits of 100
// USD of which the keys' usage is used.
func New(opts ...Option) *Server {
	s, c := newServer(opts)
	now := s.now()
	s.addWorkspace(s.workspace, "Default", "", now.Add(-30*24*time.Hour-time.Hour))
	dealt := s.addNumberedWorkspaces(c.workspaces, now)
	s.management = s.seedKey(seedKey{name: "management", management: true, age: 30 * 24 * time.Hour}, now)
	s.totalCredits = 100
	s.addGenerated(c.keys, dealt, now)
	for _, k := range s.st.byHash {
		s.totalUsage += k.usage.Total
	}
	s.totalUsage = roundUSD(s.totalUsage)
	return s
}

// now is the API's current time: UTC, whole milliseconds.
func (s *Server) now() time.Time { return s.clock().UTC().Truncate(time.Millisecond) }

// DemoManagementKey returns the secret of the account's management key,
// the one the dashboard signs in with.
func (s *Server) DemoManagementKey() string { return s.management.secret }

// DemoInferenceKey returns the secret of NewDemo's enabled inference key
// "targon-dash (this laptop)" ("" from New, or once it is deleted). It may
// call only GET /key.
func (s *Server) DemoInferenceKey() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inference == nil || s.st.byHash[s.inference.hash] != s.inference {
		return ""
	}
	return s.inference.secret
}

// AddManagementKey adds another management key and returns its secret.
// Management keys are not listed by GET /keys.
func (s *Server) AddManagementKey(name string) (secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seedKey(seedKey{name: name, management: true}, s.now()).secret
}

// AddInferenceKey adds an enabled inference key without a limit or usage,
// created now, and returns its secret and hash.
func (s *Server) AddInferenceKey(name string) (secret, hash string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := s.seedKey(seedKey{name: name}, s.now())
	return k.secret, k.hash
}

// SetUsage sets what the key with the hash has spent; it reports whether
// there is such a key.
func (s *Server) SetUsage(hash string, u Usage) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := s.st.byHash[hash]
	if k == nil {
		return false
	}
	k.usage = u
	return true
}

// SetCredits sets the credits GET /credits reports: bought and used, in
// USD.
func (s *Server) SetCredits(total, usage float64) {
	s.mu.Lock()
	s.totalCredits, s.totalUsage = total, usage
	s.mu.Unlock()
}
