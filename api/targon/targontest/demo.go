package targontest

import (
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"slices"
	"time"

	"golang.org/x/crypto/ssh"
)

// seedAPIKey is an API key the primary account starts with.
type seedAPIKey struct {
	name    string
	age     time.Duration // created this long before the clock
	touched time.Duration // updated this long before the clock; 0 = when created
	inUse   bool          // the key DemoKey reports
}

// seedSSHKey is an SSH key the primary account starts with.
type seedSSHKey struct {
	name    string
	line    string // a real public key line
	age     time.Duration
	touched time.Duration
}

// ago is a duration of days, hours and minutes.
func ago(days, hours, minutes int) time.Duration {
	return time.Duration(days)*24*time.Hour + time.Duration(hours)*time.Hour + time.Duration(minutes)*time.Minute
}

// demoAPIKeys are NewDemo's API keys.
var demoAPIKeys = []seedAPIKey{
	{name: "old-prototype", age: ago(297, 4, 12)},
	{name: "production-inference", age: ago(268, 2, 41), touched: ago(12, 6, 3)},
	{name: "staging", age: ago(241, 7, 55)},
	{name: "ci-github-actions", age: ago(186, 3, 20), touched: ago(44, 1, 7)},
	{name: "batch-embeddings", age: ago(133, 9, 46)},
	{name: "jupyter-research", age: ago(95, 5, 31), touched: ago(29, 8, 2)},
	{name: "grafana-exporter", age: ago(57, 0, 18)},
	{name: "targon-dash (this laptop)", age: ago(9, 2, 27), inUse: true},
}

// Real public keys for the demo account (generated once with ssh-keygen;
// the security-key one was assembled from its wire format, since making it
// needs hardware).
const (
	demoKeyBuildServer = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQCielmKlFG1HKG3xPDSUTWd081UDYntevYMMSEykAcoJ2u9hyVqgf5jrCLqa3c7ePxKNDKrVqX0qXCfXM492yNvpEo6wV/DYU+nXmhDVcDpOVyyvLkgCRdU6FJRS43w2nnpdJex8ltW6wv+hllBoeYKPw0Vu4yhM7/LKa4cJCcFtVvZIBAbUxuxAFDShZjXD1uMyxD5CETodvs7NBVPtdAOxHQjM0M3PFeXvgEtxw51LJaAZyh9gzhBzZbOj8qR62CXDtUzXbxxSM7GCICnaknvgnWUtshF9nFOdztsofm1zbWMSW7j7BzN7+MtN4V1edpagDfJMzDbv2/DQZ8sb9rbF9quCWVfmOzjut7oF+BdfBcEyDpLTggQzwWD3iw/M87gLhCBkkv5TzmhNUtXMY3OVNuNh+M1mni4hHn87z+j52xJsAo/sX6B74SjdqcNORL+S6fiLgDrCWkX0ALommPYwhBy4bZURf0uVsdid+nLgab20ZjGbcQzVxCijo0cBZQJSsI61HFWueP99sCTHqI/YjH1RcA/l+9vZGRYKCquJg87qKNUKXM5pJjkHJAHCeC6cUmFdYKUVNQ5gt9WKAb8wqgX5EDhdejPMhDG1DF+IBKN7YhQ+c8w1pfe6YBkSnsHPAVfdaB1I/ce0bL3ta5jjIwnw3xTL3uBqLM1lyla0Q== deploy@build-server"
	demoKeyWorkLaptop  = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC9eB92aOPoYtrsIOf7Yi2RNkDpZZv/pJxldTe3bUB88 alice@work-laptop"
	demoKeyCIRunner    = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBNpHoVxQbX2JWXJJNXP21R6se3Hpc4lPb77J36H8lnD1rb5wur4bU2T7JXlVFefiSaABtjVQRkKmPletjQlomzM= ci@runner-01"
	demoKeyHomeDesktop = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINO9anNjpukEmwnudhv9hV1ms3w63TgBFMl5TSaacBuM alice@home-desktop"
	demoKeyYubikey     = "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIFrACMwvlnY+WZDYRRut+jekBAwP10P1FfihWYXc/UATAAAABHNzaDo= alice@yubikey-5c"
)

// demoSSHKeys are NewDemo's SSH keys.
var demoSSHKeys = []seedSSHKey{
	{name: "build-server", line: demoKeyBuildServer, age: ago(279, 6, 5)},
	{name: "work-laptop", line: demoKeyWorkLaptop, age: ago(211, 1, 44), touched: ago(150, 3, 12)},
	{name: "ci-runner", line: demoKeyCIRunner, age: ago(149, 3, 33)},
	{name: "home-desktop", line: demoKeyHomeDesktop, age: ago(74, 8, 21)},
	{name: "yubikey-5c", line: demoKeyYubikey, age: ago(19, 4, 50)},
}

// Name parts of generated keys.
var (
	generatedAPIKeyPrefixes = []string{"svc", "worker", "batch", "ci", "eval", "etl", "notebook", "inference"}
	generatedSSHKeyPrefixes = []string{"node", "gpu", "runner", "dev", "bastion"}
	generatedSSHKeyUsers    = []string{"alice", "bob", "deploy", "ci", "ml"}
)

// generatedSpan is how far back generated keys are created.
const generatedSpan = 300 * 24 * time.Hour

// pendingKey is a key to seed, before it gets its sequence number.
type pendingKey struct {
	name             string
	created, updated time.Time
	ssh              *parsedKey // nil for an API key
	inUse            bool
}

// seedPrimary creates the primary account with the given keys plus the
// generated ones cfg asks for, inserted oldest first so that creation order
// and dates agree.
func (s *Server) seedPrimary(credits int64, apiKeys []seedAPIKey, sshKeys []seedSSHKey, cfg config, now time.Time) {
	var pending []pendingKey
	for _, k := range apiKeys {
		created, updated := seedDates(now, k.age, k.touched)
		pending = append(pending, pendingKey{name: k.name, created: created, updated: updated, inUse: k.inUse})
	}
	for _, k := range sshKeys {
		pk, reason := parsePublicKey(k.line)
		if reason != "" {
			panic("targontest: invalid demo SSH key " + k.name + ": " + reason)
		}
		created, updated := seedDates(now, k.age, k.touched)
		pending = append(pending, pendingKey{name: k.name, created: created, updated: updated, ssh: &pk})
	}
	for i := 1; i <= cfg.apiKeys; i++ {
		created, updated := s.randomDates(now)
		name := fmt.Sprintf("%s-%04d", generatedAPIKeyPrefixes[i%len(generatedAPIKeyPrefixes)], i)
		pending = append(pending, pendingKey{name: name, created: created, updated: updated})
	}
	for i := 1; i <= cfg.sshKeys; i++ {
		created, updated := s.randomDates(now)
		name := fmt.Sprintf("%s-%04d", generatedSSHKeyPrefixes[i%len(generatedSSHKeyPrefixes)], i)
		pk := generatedSSHKey(s.rng.Uint64, generatedSSHKeyUsers[i%len(generatedSSHKeyUsers)]+"@"+name)
		pending = append(pending, pendingKey{name: name, created: created, updated: updated, ssh: &pk})
	}
	sortPending(pending)

	s.primary = s.st.newAccount(credits, s.currency)
	for _, p := range pending {
		if p.ssh == nil {
			k := s.st.addAPIKey(s.primary, p.name, p.created, p.updated, s.rng.Uint64)
			if p.inUse {
				s.inUse = k
			}
		} else if s.primary.sshBlobs[p.ssh.blob] == nil {
			s.st.addSSHKey(s.primary, p.name, *p.ssh, p.created, p.updated, s.rng.Uint64)
		}
	}
}

// sortPending orders keys to seed oldest first.
func sortPending(pending []pendingKey) {
	slices.SortStableFunc(pending, func(a, b pendingKey) int { return a.created.Compare(b.created) })
}

// seedDates turns ages into creation and update times.
func seedDates(now time.Time, age, touched time.Duration) (created, updated time.Time) {
	created = now.Add(-age)
	updated = created
	if touched > 0 && touched < age {
		updated = now.Add(-touched)
	}
	return created, updated
}

// randomDates draws dates for a generated key: created within the past
// months, and for about a third of keys updated some time later.
func (s *Server) randomDates(now time.Time) (created, updated time.Time) {
	age := time.Hour + time.Duration(s.rng.Int64N(int64(generatedSpan)))
	created = now.Add(-age).Truncate(time.Second)
	updated = created
	if s.rng.IntN(3) == 0 {
		updated = created.Add(time.Duration(s.rng.Int64N(int64(age)))).Truncate(time.Second)
	}
	return created, updated
}

// generatedSSHKey makes a real ed25519 public key from the seeded source
// rnd.
func generatedSSHKey(rnd func() uint64, comment string) parsedKey {
	seed := make([]byte, ed25519.SeedSize)
	for i := 0; i < len(seed); i += 8 {
		v := rnd()
		for j := range 8 {
			seed[i+j] = byte(v >> (8 * j))
		}
	}
	pub, err := ssh.NewPublicKey(ed25519.NewKeyFromSeed(seed).Public())
	if err != nil {
		panic("targontest: " + err.Error())
	}
	blob := pub.Marshal()
	return parsedKey{
		keyType: pub.Type(),
		line:    pub.Type() + " " + base64.StdEncoding.EncodeToString(blob) + " " + comment,
		blob:    string(blob),
	}
}
