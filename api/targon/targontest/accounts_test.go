package targontest_test

import (
	"net/http"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestOtherAccountsKeysAreForbidden(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	mine := sim.DemoKey()
	theirs := sim.AddAccount(10)
	if theirs == "" || theirs == mine {
		t.Fatalf("AddAccount key = %q", theirs)
	}

	// Each account sees only its own balance and keys.
	var c credits
	e.do(theirs, "GET", pathCredits, nil).decode(t, &c)
	if c.Credits.String() != "10" || c.Currency != "USD" {
		t.Fatalf("other account's credits = %+v", c)
	}
	theirKey := e.createAPIKey(theirs, "their key")
	theirSSH := e.createSSHKey(theirs, "their ssh", newED25519(t, "them@host"))
	keys, _ := listAll[apiKey](e, mine, pathAPIKeys, "100")
	for _, k := range keys {
		if k.UID == theirKey.UID {
			t.Fatal("another account's key is listed")
		}
	}
	ssh, _ := listAll[sshKey](e, mine, pathSSHKeys, "100")
	if len(ssh) != 0 {
		t.Fatalf("another account's SSH keys are listed: %+v", ssh)
	}

	for _, tc := range []struct{ method, path string }{
		{"PATCH", pathAPIKeys + "/" + theirKey.UID},
		{"DELETE", pathAPIKeys + "/" + theirKey.UID},
		{"POST", pathAPIKeys + "/" + theirKey.UID + ":roll"},
		{"GET", pathSSHKeys + "/" + theirSSH.UID},
		{"PATCH", pathSSHKeys + "/" + theirSSH.UID},
		{"DELETE", pathSSHKeys + "/" + theirSSH.UID},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			apiErr := e.do(mine, tc.method, tc.path, map[string]string{"name": "stolen"}).
				wantError(t, http.StatusForbidden, "not allowed")
			if apiErr.Error != "forbidden" {
				t.Fatalf("error = %q", apiErr.Error)
			}
		})
	}
	// Nothing changed for the owner.
	e.do(theirKey.KeyRaw, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)
	var got sshKey
	e.do(theirs, "GET", pathSSHKeys+"/"+theirSSH.UID, nil).decode(t, &got)
	if got != theirSSH {
		t.Fatalf("their SSH key changed: %+v", got)
	}
}
