package config

import (
	"path/filepath"
	"strings"
	"testing"
)

// The org comes from --org, TARGON_ORG, the profile's org, as in Targon's
// CLI; api_version from the profile, "" (auto) by default.
func TestResolveTargonOrgAndAPIVersion(t *testing.T) {
	const file = "current = \"work\"\n[profiles.work]\norg = \"acme\"\napi_version = \"v3\"\n[profiles.old]\napi_version = \"v2\"\n"
	for _, tc := range []struct {
		name, flagOrg, envOrg, profile string
		org, from, version             string
	}{
		{name: "profile", org: "acme", from: "profiles.work.org in", version: "v3"},
		{name: "TARGON_ORG over the profile", envOrg: "beta", org: "beta", from: "TARGON_ORG", version: "v3"},
		{name: "--org over both", flagOrg: "gamma", envOrg: "beta", org: "gamma", from: "--org", version: "v3"},
		{name: "none: auto, the PERSONAL org", profile: "old", version: "v2"},
		{name: "implicit default", profile: "default", version: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env, home := testEnv(t, map[string]string{"TARGON_ORG": tc.envOrg})
			writeFile(t, home, ".targon/config.toml", file, 0o600)
			s, err := Resolve(Flags{Profile: tc.profile, Org: tc.flagOrg}, env)
			if err != nil {
				t.Fatal(err)
			}
			if tc.profile == "old" && tc.envOrg == "" {
				tc.org = ""
			}
			if s.Org != tc.org || !strings.HasPrefix(s.OrgFrom, tc.from) || s.APIVersion != tc.version {
				t.Errorf("org %q from %q, api_version %q; want %q from %q…, %q", s.Org, s.OrgFrom, s.APIVersion, tc.org, tc.from, tc.version)
			}
		})
	}
}

func TestBadAPIVersionNamesTheField(t *testing.T) {
	env, home := testEnv(t, nil)
	writeFile(t, home, ".targon/config.toml", "[profiles.default]\napi_version = \"v4\"\n", 0o600)
	_, err := Resolve(Flags{}, env)
	if err == nil || !strings.Contains(err.Error(), "config.toml:2: profiles.default.api_version") || !strings.Contains(err.Error(), `"auto", "v3", "v2"`) {
		t.Errorf("err = %v", err)
	}
}

func TestTargonAccountVersionFields(t *testing.T) {
	xdg := t.TempDir()
	env := Environment{HomeDir: t.TempDir(), Getenv: func(k string) string { return map[string]string{"XDG_CONFIG_HOME": xdg}[k] }}
	writeFile(t, xdg, "targon-dash/config.toml", "[accounts.lab]\nprovider = \"targon\"\napi_version = \"v3\"\norg = \"acme\"\n", 0o600)
	s, err := Resolve(Flags{Profile: "lab"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if s.APIVersion != "v3" || s.Org != "acme" || !strings.Contains(s.OrgFrom, "accounts.lab.org") {
		t.Errorf("settings %+v org from %q", s, s.OrgFrom)
	}
	writeFile(t, xdg, "targon-dash/config.toml", "[accounts.or]\nprovider = \"openrouter\"\norg = \"acme\"\n", 0o600)
	_, err = Resolve(Flags{Profile: "or"}, env)
	if err == nil || !strings.Contains(err.Error(), filepath.Join("targon-dash", "config.toml")+":3: accounts.or.org: only a Targon account") {
		t.Errorf("err = %v", err)
	}
	writeFile(t, xdg, "targon-dash/config.toml", "", 0o600)
	if _, err = Resolve(Flags{Provider: ProviderOpenRouter, Org: "acme"}, env); err == nil || !strings.Contains(err.Error(), "--org") {
		t.Errorf("--org on OpenRouter: err = %v", err)
	}
}
