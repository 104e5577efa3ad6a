package targon

import (
	"context"
	"iter"

	"github.com/targon-dash/targon-dash/api"
)

// The capabilities of an Auto beyond api.Account: SSH keys (either
// version's), and v3's organizations and service tokens.

// SSHKeys walks the settled account's SSH keys.
func (a *Auto) SSHKeys(ctx context.Context) iter.Seq2[[]api.SSHKey, error] {
	return walkOn(ctx, a.sshKeys, func(keys api.SSHKeys) iter.Seq2[[]api.SSHKey, error] { return keys.SSHKeys(ctx) })
}

// SSHKey fetches one SSH key afresh.
func (a *Auto) SSHKey(ctx context.Context, id string) (api.SSHKey, error) {
	return on(ctx, a.sshKeys, func(keys api.SSHKeys) (api.SSHKey, error) { return keys.SSHKey(ctx, id) })
}

// AddSSHKey registers one OpenSSH public key line.
func (a *Auto) AddSSHKey(ctx context.Context, name, publicKey string) (api.SSHKey, error) {
	return on(ctx, a.sshKeys, func(keys api.SSHKeys) (api.SSHKey, error) { return keys.AddSSHKey(ctx, name, publicKey) })
}

// RenameSSHKey sets the name of SSH key id.
func (a *Auto) RenameSSHKey(ctx context.Context, id, name string) (api.SSHKey, error) {
	return on(ctx, a.sshKeys, func(keys api.SSHKeys) (api.SSHKey, error) { return keys.RenameSSHKey(ctx, id, name) })
}

// DeleteSSHKey deletes SSH key id.
func (a *Auto) DeleteSSHKey(ctx context.Context, id string) error {
	return onErr(ctx, a.sshKeys, func(keys api.SSHKeys) error { return keys.DeleteSSHKey(ctx, id) })
}

// sshKeys is the settled account as api.SSHKeys (both versions are).
func (a *Auto) sshKeys(ctx context.Context) (api.SSHKeys, error) {
	return on(ctx, a.settled, func(acct api.Account) (api.SSHKeys, error) { return acct.(api.SSHKeys), nil })
}

// Org is the v3 account's organization; zero before the version is
// settled on v3 and on v2.
func (a *Auto) Org() api.Org {
	if v3, ok := a.V3(); ok {
		return v3.Org()
	}
	return api.Org{}
}

// Orgs lists the organizations over v3; on v2 it says there are none.
func (a *Auto) Orgs(ctx context.Context) ([]api.Org, error) {
	return on(ctx, a.settledV3, func(v3 *V3Account) ([]api.Org, error) { return v3.Orgs(ctx) })
}

// ServiceTokens walks the organization's service tokens over v3.
func (a *Auto) ServiceTokens(ctx context.Context) iter.Seq2[[]api.ServiceToken, error] {
	return walkOn(ctx, a.settledV3, func(v3 *V3Account) iter.Seq2[[]api.ServiceToken, error] { return v3.ServiceTokens(ctx) })
}

// CreateServiceToken creates a service token over v3.
func (a *Auto) CreateServiceToken(ctx context.Context, name string) (api.ServiceTokenSecret, error) {
	return on(ctx, a.settledV3, func(v3 *V3Account) (api.ServiceTokenSecret, error) { return v3.CreateServiceToken(ctx, name) })
}

// DeleteServiceToken deletes a service token over v3.
func (a *Auto) DeleteServiceToken(ctx context.Context, id string) error {
	return onErr(ctx, a.settledV3, func(v3 *V3Account) error { return v3.DeleteServiceToken(ctx, id) })
}

// settledV3 is the v3 account once settled on v3; errNoOrgs on v2.
func (a *Auto) settledV3(ctx context.Context) (*V3Account, error) {
	acct, err := a.settled(ctx)
	if err != nil {
		return nil, err
	}
	v3, ok := acct.(*V3Account)
	if !ok {
		return nil, errNoOrgs
	}
	return v3, nil
}
