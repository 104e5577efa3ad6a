package openroutertest

import "time"

// config collects the options of New and NewDemo.
type config struct {
	clock         func() time.Time
	seed          int64
	keys          int
	latency       time.Duration
	seededSecrets bool
	workspaces    int
}

// Option configures a Server made by New or NewDemo.
type Option func(*config)

// WithClock sets the clock for timestamps (created_at, updated_at, the
// expiry check and the dates of generated data). The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.clock = now
		}
	}
}

// WithSeed sets the seed from which the secrets, hashes, usage figures and
// dates of generated data (the initial keys, demo data, WithKeys) are
// drawn. The same seed and clock give the same data. Keys created through
// the API use crypto/rand unless WithSeededSecrets is given.
func WithSeed(seed int64) Option { return func(c *config) { c.seed = seed } }

// WithSeededSecrets draws the secrets of keys created through the API (and
// so their hashes and labels) from the seeded source too, so that a
// scripted session gives the same values every run. Such secrets are
// predictable: use it only for tests and pictures.
func WithSeededSecrets() Option { return func(c *config) { c.seededSecrets = true } }

// WithKeys adds n generated inference keys (named like "svc-00042", created
// a few minutes apart over the past months, some with limits, every 25th
// disabled), e.g. to try a big account.
func WithKeys(n int) Option { return func(c *config) { c.keys = max(n, 0) } }

// WithWorkspaces adds n workspaces (named for their place among the
// account's, "Workspace 2" on, created a day apart), and deals the keys of
// WithKeys round-robin over the default workspace and these, the default
// first, e.g. to try walking every workspace of a big account. Without it
// they all go to the default workspace (NewDemo's "Research" gets none).
func WithWorkspaces(n int) Option { return func(c *config) { c.workspaces = max(n, 0) } }

// WithLatency delays every request by d before it is handled.
func WithLatency(d time.Duration) Option { return func(c *config) { c.latency = max(d, 0) } }

// defaultSeed is the seed used without WithSeed.
const defaultSeed = 0x6f70_656e_726f_7574 // "openrout"

// pcgStream is the PCG stream constant for every Server.
const pcgStream = 0x6b65_7973_696d_756c // "keysimul"

// extraStream is the PCG stream of Server.extra.
const extraStream = 0x776f_726b_7370_6163 // "workspac"
