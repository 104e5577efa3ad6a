package uitest

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"iter"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// V3Provider is how a Targon account over /tha/v3 describes itself to the
// fake V3Account: API tokens, replaced (no roll) by deleting the old one.
var V3Provider = api.Provider{
	Name: "Targon", KeyNoun: "API token", SecretHint: "tgn_…",
	KeyID: "UID", Roll: "replace", RollShort: "replace", SecretShown: "created",
	Version: "v3", Retire: "delete",
	SecretShape: api.Shape{Pattern: regexp.MustCompile(`^tgn_[A-Za-z0-9_]+$`), Says: "tgn_ and then letters, digits and _"},
	IDShape:     api.Shape{Pattern: regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`), Says: "letters, digits, _ and - (like tok-abc123)"},
}

// V3Account is a fake Targon v3 account in memory, for the views: it acts
// in one organization of two (alice's PERSONAL org, low on credits, and
// the team acme), with personal API tokens (listed without a secret),
// the org's SSH keys and service tokens. Every new id and secret is
// numbered, so screens are the same on every run. It is safe for
// concurrent use; Fail makes the next call of a method fail.
type V3Account struct {
	mu      sync.Mutex
	token   string
	org     int
	orgs    []api.Org
	tokens  []api.Key
	ssh     []api.SSHKey
	service []api.ServiceToken
	seq     int
	fail    map[string]error
	// calls counts the calls of each method that talks to the server.
	calls map[string]int
}

var (
	_ api.Account       = (*V3Account)(nil)
	_ api.Orgs          = (*V3Account)(nil)
	_ api.ServiceTokens = (*V3Account)(nil)
	_ api.SSHKeys       = (*V3Account)(nil)
)

// V3Token is the secret the fake V3Account starts signed in with.
const V3Token = "tgn_v3demo_signedin_0000000000000000"

// NewV3Account is the fake account, acting in acme (team is true) or in
// alice's PERSONAL org, dated from Clock.
func NewV3Account(team bool) *V3Account {
	day := func(d int) time.Time { return Clock.Add(-time.Duration(d) * 24 * time.Hour) }
	a := &V3Account{token: V3Token, fail: map[string]error{}, calls: map[string]int{}}
	a.orgs = []api.Org{
		{ID: "alice", Name: "alice", Personal: true, Role: "OWNER", Credits: "18.4", Currency: "USD"},
		{ID: "acme", Name: "Acme Robotics", Role: "ADMIN", Credits: "12480.55", Currency: "USD"},
	}
	if team {
		a.org = 1
	}
	a.tokens = []api.Key{
		{ID: "tok-7f3a91c2", Name: "laptop-cli", CreatedAt: day(120), UpdatedAt: day(120)},
		{ID: "tok-2b8e44d0", Name: "production-inference", CreatedAt: day(64), UpdatedAt: day(12)},
		{ID: "tok-c19d07aa", Name: "notebook", CreatedAt: day(9), UpdatedAt: day(9)},
	}
	a.ssh = []api.SSHKey{
		{ID: "ssh-4d1c", Name: "build-server", PublicKey: v3PublicKey(1, "ci@build"), CreatedAt: day(236), UpdatedAt: day(236)},
		{ID: "ssh-9e27", Name: "work-laptop", PublicKey: v3PublicKey(2, "alice@laptop"), CreatedAt: day(30), UpdatedAt: day(30)},
	}
	a.service = []api.ServiceToken{
		{ID: "svc-b1e0f2", Name: "prod-inference", CreatedBy: "Bob Okafor <bob@acme.dev>", CreatedAt: day(231)},
		{ID: "svc-0c6d7e", Name: "grafana-exporter", CreatedAt: day(160)},
		{ID: "svc-5a9b31", Name: "ci-deploy", CreatedBy: "Alice Moreau <alice@acme.dev>", CreatedAt: day(96)},
	}
	for i := range a.tokens {
		a.fillKey(&a.tokens[i])
	}
	return a
}

// v3PublicKey is an OpenSSH ed25519 public key line made from seed n.
func v3PublicKey(n byte, comment string) string {
	seed := make([]byte, ed25519.SeedSize)
	seed[0] = n
	pub, err := ssh.NewPublicKey(ed25519.NewKeyFromSeed(seed).Public())
	if err != nil {
		panic(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))) + " " + comment
}

// fillKey sets what a list item of k shows besides its fields: the id as
// shown, and no secret (v3 lists carry none).
func (a *V3Account) fillKey(k *api.Key) { k.IDText = k.ID }

// Fail makes the next call of method (e.g. "DeleteKey") fail with err.
func (a *V3Account) Fail(method string, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.fail[method] = err
}

// Calls is how many times method was called.
func (a *V3Account) Calls(method string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.calls[method]
}

// call counts a call of method and returns the failure set for it, once.
func (a *V3Account) call(method string) error {
	a.calls[method]++
	err := a.fail[method]
	delete(a.fail, method)
	return err
}

// Provider is V3Provider.
func (a *V3Account) Provider() api.Provider { return V3Provider }

// BaseURL is the fake's API base.
func (a *V3Account) BaseURL() string { return "https://api.targon.com" }

// SetToken replaces the token.
func (a *V3Account) SetToken(token string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.token = token
}

// HasToken reports whether a token is set.
func (a *V3Account) HasToken() bool { return a.Token() != "" }

// Token is the token in use.
func (a *V3Account) Token() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.token
}

// Balance is the current org's credits.
func (a *V3Account) Balance(context.Context) (api.Balance, error) {
	return guarded(a, "Balance", func() (api.Balance, error) {
		o := a.orgs[a.org]
		return api.Balance{Currency: o.Currency, Remaining: o.Credits}, nil
	})
}

// SetCredits sets the credits of org id.
func (a *V3Account) SetCredits(id string, credits api.Amount) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for i := range a.orgs {
		if a.orgs[i].ID == id {
			a.orgs[i].Credits = credits
		}
	}
}

// Org is the org the account acts in.
func (a *V3Account) Org() api.Org {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.orgs[a.org]
}

// Orgs lists both orgs with their credits.
func (a *V3Account) Orgs(context.Context) ([]api.Org, error) {
	return guarded(a, "Orgs", func() ([]api.Org, error) { return slices.Clone(a.orgs), nil })
}

// Keys lists the API tokens, newest first, without secrets.
func (a *V3Account) Keys(context.Context) iter.Seq2[[]api.Key, error] {
	return newestFirst(a, "Keys", &a.tokens)
}

// next is the next number for an id or a secret.
func (a *V3Account) next() int {
	a.seq++
	return a.seq
}

// CreateKey creates an API token and returns its secret.
func (a *V3Account) CreateKey(_ context.Context, spec api.KeySpec) (api.Secret, error) {
	return guarded(a, "CreateKey", func() (api.Secret, error) {
		n := a.next()
		k := api.Key{ID: fmt.Sprintf("tok-new%03d", n), Name: spec.Name, CreatedAt: Clock, UpdatedAt: Clock}
		a.fillKey(&k)
		a.tokens = append(a.tokens, k)
		return api.Secret{Key: k, Value: fmt.Sprintf("tgn_v3secret_%03d_7Qm2Xc9LpV4rT8sW", n)}, nil
	})
}

// RenameKey renames an API token.
func (a *V3Account) RenameKey(_ context.Context, id, name string) (api.Key, error) {
	return edit(a, "RenameKey", &a.tokens, id, keyID, func(k *api.Key) { k.Name, k.UpdatedAt = name, Clock })
}

// DeleteKey deletes an API token (gone already counts as deleted).
func (a *V3Account) DeleteKey(_ context.Context, id string) error {
	return remove(a, "DeleteKey", &a.tokens, id, keyID)
}

// HasKey reports whether an API token with id exists.
func (a *V3Account) HasKey(id string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.ContainsFunc(a.tokens, func(k api.Key) bool { return k.ID == id })
}

// ServiceTokens lists the org's service tokens, newest first.
func (a *V3Account) ServiceTokens(context.Context) iter.Seq2[[]api.ServiceToken, error] {
	return newestFirst(a, "ServiceTokens", &a.service)
}

// CreateServiceToken creates a service token made by alice.
func (a *V3Account) CreateServiceToken(_ context.Context, name string) (api.ServiceTokenSecret, error) {
	return guarded(a, "CreateServiceToken", func() (api.ServiceTokenSecret, error) {
		n := a.next()
		t := api.ServiceToken{ID: fmt.Sprintf("svc-new%03d", n), Name: name, CreatedBy: "Alice Moreau <alice@acme.dev>", CreatedAt: Clock}
		a.service = append(a.service, t)
		return api.ServiceTokenSecret{Token: t, Value: fmt.Sprintf("tgn_v3service_%03d_K3vN8bQ1zR6yH2dJ", n)}, nil
	})
}

// DeleteServiceToken deletes a service token.
func (a *V3Account) DeleteServiceToken(_ context.Context, id string) error {
	return remove(a, "DeleteServiceToken", &a.service, id, serviceTokenID)
}

// SSHKeys lists the org's SSH keys, newest first.
func (a *V3Account) SSHKeys(context.Context) iter.Seq2[[]api.SSHKey, error] {
	return newestFirst(a, "SSHKeys", &a.ssh)
}

// SSHKey fetches one SSH key.
func (a *V3Account) SSHKey(_ context.Context, id string) (api.SSHKey, error) {
	return edit(a, "SSHKey", &a.ssh, id, sshKeyID, nil)
}

// AddSSHKey adds an SSH key to the org.
func (a *V3Account) AddSSHKey(_ context.Context, name, publicKey string) (api.SSHKey, error) {
	return guarded(a, "AddSSHKey", func() (api.SSHKey, error) {
		k := api.SSHKey{ID: fmt.Sprintf("ssh-new%03d", a.next()), Name: name, PublicKey: publicKey, CreatedAt: Clock, UpdatedAt: Clock}
		a.ssh = append(a.ssh, k)
		return k, nil
	})
}

// RenameSSHKey renames an SSH key.
func (a *V3Account) RenameSSHKey(_ context.Context, id, name string) (api.SSHKey, error) {
	return edit(a, "RenameSSHKey", &a.ssh, id, sshKeyID, func(k *api.SSHKey) { k.Name, k.UpdatedAt = name, Clock })
}

// DeleteSSHKey deletes an SSH key.
func (a *V3Account) DeleteSSHKey(_ context.Context, id string) error {
	return remove(a, "DeleteSSHKey", &a.ssh, id, sshKeyID)
}

// V3Session is a session of the profile "work" on a fake V3Account
// (returned too), acting in acme (team) or alice's PERSONAL org, whose
// key came from the credentials file: SaveKey records what it saves in
// *saved (nil: saved nowhere).
func V3Session(team bool, saved *[]string) (*api.Session, *V3Account) {
	acct := NewV3Account(team)
	return &api.Session{
		Account: acct, Profile: "work",
		Home: api.KeyHome{Source: api.KeyFromFile, File: "credentials-work"},
		SaveKey: func(key string) error {
			if saved != nil {
				*saved = append(*saved, key)
			}
			return nil
		},
		NewAccount: func(token string) (api.Account, error) {
			a := NewV3Account(team)
			a.SetToken(token)
			return a, nil
		},
	}, acct
}

// NewV3Common is NewCommon on V3Session.
func NewV3Common(team bool, saved *[]string) (*common.Common, *Clipboard, *V3Account) {
	c, clip := NewCommon(nil)
	var acct *V3Account
	c.Session, acct = V3Session(team, saved)
	return c, clip, acct
}
