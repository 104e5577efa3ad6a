package targontest

import "time"

// config collects the options of New and NewDemo.
type config struct {
	clock    func() time.Time
	seed     int64
	apiKeys  int
	sshKeys  int
	latency  time.Duration
	currency string
	credits  *int64
	// seededSecrets: see WithSeededSecrets.
	seededSecrets bool
	// usage: see WithUsage.
	usage bool
	v3    v3Config
}

// Option configures a Server made by New or NewDemo.
type Option func(*config)

// WithClock sets the clock for timestamps (created_at, updated_at and the
// dates of generated data). The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.clock = now
		}
	}
}

// WithSeed sets the seed from which the uids and secrets of generated data
// (the initial keys, demo data, WithAPIKeys, WithSSHKeys, AddAccount) are
// drawn. The same seed and clock give the same data. Keys created or rolled
// through the API use crypto/rand unless WithSeededSecrets is given.
func WithSeed(seed int64) Option { return func(c *config) { c.seed = seed } }

// WithSeededSecrets draws the uids and secrets of keys created or rolled
// through the API from the seeded source too, so that a scripted session
// (golden screens, screenshots) gives the same values every run. Such
// secrets are predictable: use it only for tests and pictures.
func WithSeededSecrets() Option { return func(c *config) { c.seededSecrets = true } }

// WithAPIKeys adds n generated API keys (named like "svc-0042", created over
// the past months) to the primary account, e.g. to try a big account.
func WithAPIKeys(n int) Option { return func(c *config) { c.apiKeys = max(n, 0) } }

// WithSSHKeys adds n generated SSH keys (real ed25519 keys, named like
// "node-0042", created over the past months) to the primary account, and
// as many others to the v3 organization DemoOrg names.
func WithSSHKeys(n int) Option { return func(c *config) { c.sshKeys = max(n, 0) } }

// WithUsage makes the primary account spend a little (80 to 619 credits,
// from the seeded source) before every credits read after the first, so a
// demo's balance and its sparkline move on each refresh; every v3 org does
// the same on its own credits reads (0.80 to 6.19 USD).
func WithUsage() Option { return func(c *config) { c.usage = true } }

// WithLatency delays every request by d before it is handled.
func WithLatency(d time.Duration) Option { return func(c *config) { c.latency = max(d, 0) } }

// WithCurrency sets the currency reported with credits; the default is
// "USD".
func WithCurrency(currency string) Option { return func(c *config) { c.currency = currency } }

// WithCredits sets the primary account's starting balance.
func WithCredits(credits int64) Option { return func(c *config) { c.credits = &credits } }

// defaultSeed is the seed used without WithSeed.
const defaultSeed = 0x7461_7267_6f6e // "targon"

// pcgStream is the PCG stream constant for every Server.
const pcgStream = 0x6461_7368_626f_6172 // "dashboar"

// pcgStreamV3 is the PCG stream of the v3 data.
const pcgStreamV3 = 0x7468_6176_3300_0000 // "thav3"
