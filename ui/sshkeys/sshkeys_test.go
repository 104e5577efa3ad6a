package sshkeys

import (
	"context"
	"crypto/elliptic"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/crypto/ssh"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

const sshKeysPath = "/tha/v2/ssh-keys"

func demo(t *testing.T) *harness {
	return newHarness(t, targontest.NewDemo(targontest.WithClock(fixedNow)))
}

func TestListShowsTypesAndFingerprints(t *testing.T) {
	h := demo(t)
	page, err := uitest.TargonClient(h.c).ListSSHKeys(context.Background(), targon.ListOptions{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	rows := h.rows()
	if len(rows) != len(page.Items) || len(rows) == 0 {
		t.Fatalf("%d rows, the server has %d keys", len(rows), len(page.Items))
	}
	for i, k := range page.Items {
		pk, comment, _, _, err := ssh.ParseAuthorizedKey([]byte(k.PublicKeyRaw))
		if err != nil {
			t.Fatal(err)
		}
		r := rows[i]
		if r.ID() != k.UID || r.fingerprint != ssh.FingerprintSHA256(pk) || r.comment != comment {
			t.Errorf("row %d = %+v, want uid %s fingerprint %s comment %q", i, r, k.UID, ssh.FingerprintSHA256(pk), comment)
		}
	}
	labels := map[string]string{}
	for _, r := range rows {
		labels[r.name] = r.typ
	}
	for name, want := range map[string]string{"build-server": "rsa 4096", "work-laptop": "ed25519", "ci-runner": "ecdsa 256", "yubikey-5c": "sk-ed25519"} {
		if labels[name] != want {
			t.Errorf("type of %s = %q, want %q", name, labels[name], want)
		}
	}
	view := h.view.View()
	for _, want := range []string{"NAME", "TYPE", "FINGERPRINT", "COMMENT", "CREATED", "SHA256:", "alice@work-laptop", "5 SSH keys"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if h.view.Busy() || h.view.Updated().IsZero() {
		t.Errorf("Busy %v, Updated %v after loading", h.view.Busy(), h.view.Updated())
	}
}

func TestGoldenList(t *testing.T) {
	h := demo(t)
	golden.RequireEqual(t, []byte(h.view.View()))
}

func TestLoadingAndErrorStatus(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithClock(fixedNow))
	sim.InjectFault(targontest.Fault{Method: "GET", Path: sshKeysPath, Status: 503, Times: 1})
	h := newHarness(t, sim)
	view := h.view.View()
	if !strings.Contains(view, "could not load SSH keys") || !strings.Contains(view, "r to retry") {
		t.Fatalf("error state:\n%s", view)
	}
	cmd := h.view.Refresh()
	// Retrying: no count of keys that are not known, and the error stays
	// until the retry has succeeded.
	if top := firstLine(h.view.View()); strings.Contains(top, "0 SSH keys") || !strings.Contains(top, "could not load SSH keys") || !strings.Contains(top, "retrying…") {
		t.Errorf("while retrying:\n%s", h.view.View())
	}
	h.Run(cmd)
	if len(h.rows()) != 5 || strings.Contains(h.view.View(), "could not load") {
		t.Errorf("after retry: %d rows\n%s", len(h.rows()), h.view.View())
	}
}

func TestListUnauthorized(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithClock(fixedNow))
	sim.InjectFault(targontest.Fault{Method: "GET", Path: sshKeysPath, Status: 401, Times: 1})
	h := newHarness(t, sim)
	if h.Unauthorized != 1 {
		t.Errorf("UnauthorizedMsg sent %d times, want 1", h.Unauthorized)
	}
}

func TestAddKey(t *testing.T) {
	h := demo(t)
	key := ed25519Line(t, "you@laptop")
	h.Keys("n", "tab") // leave Name empty: it follows the key's comment
	f := h.form()
	h.Paste(key + "\n")
	if got := f.Value(fieldName); got != "you@laptop" {
		t.Errorf("name = %q, want the comment", got)
	}
	h.Keys("enter")
	if h.Top() != nil {
		t.Fatalf("form still open: %s", f.View())
	}
	if n := h.count("POST", sshKeysPath); n != 1 {
		t.Errorf("%d POSTs, want 1", n)
	}
	first := h.rows()[0]
	if first.name != "you@laptop" || first.fingerprint != mustInfo(t, key).Fingerprint || h.selected().ID() != first.ID() {
		t.Errorf("first row %+v, selected %+v", first, h.selected())
	}
	if len(h.rows()) != 6 || h.LastToast() != "SSH key “you@laptop” added" {
		t.Errorf("%d rows, toast %q", len(h.rows()), h.LastToast())
	}
}

// firstLine is the view's top line, without trailing space.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimRight(line, " ")
}

func mustInfo(t *testing.T, line string) KeyInfo {
	t.Helper()
	info, err := ValidatePublicKey(line)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// TestAddRefusedLocally checks keys that are refused before sending: the
// message shows under the field, the text stays, nothing is sent.
func TestAddRefusedLocally(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"bad base64", "ssh-ed25519 AAAA$$$$not-base64 me@host", "not a valid OpenSSH public key: the key data is not valid base64"},
		{"rsa 1024", rsaLine(t, 1024, "old@box"), "RSA keys must have at least 2048 bits (this one has 1024)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := demo(t)
			h.Keys("n") // the form starts on Name
			f := h.form()
			h.Type("my key")
			h.Keys("tab")
			h.Paste(tc.text)
			typed := f.Value(fieldKey)
			h.Keys("enter")
			if h.Top() != f {
				t.Fatal("the form closed")
			}
			if got := f.FieldError(fieldKey); got != tc.want {
				t.Errorf("field error %q, want %q", got, tc.want)
			}
			if !strings.Contains(uitest.Plain(f.View()), uitest.Plain(tc.want)) {
				t.Errorf("form does not show the message:\n%s", f.View())
			}
			if f.Value(fieldKey) != typed || typed == "" {
				t.Errorf("key field %q, want the typed %q", f.Value(fieldKey), typed)
			}
			if n := h.count("POST", sshKeysPath); n != 0 {
				t.Errorf("%d POSTs, want none", n)
			}
		})
	}
}

func TestNameFollowsComment(t *testing.T) {
	h := demo(t)
	h.Keys("n", "tab")
	f := h.form()
	h.Paste(ed25519Line(t, "alice@a"))
	if got := f.Value(fieldName); got != "alice@a" {
		t.Fatalf("name %q, want alice@a", got)
	}
	h.Keys("ctrl+u")
	if got := f.Value(fieldName); got != "" {
		t.Errorf("key cleared: name %q, want it cleared too", got)
	}
	h.Paste(ecdsaLine(t, elliptic.P256(), "bob@b"))
	if got := f.Value(fieldName); got != "bob@b" {
		t.Errorf("name %q, want bob@b", got)
	}
	h.Keys("shift+tab")
	h.Type("-2")
	h.Keys("tab")
	h.Keys("ctrl+u")
	h.Paste(ed25519Line(t, "carol@c"))
	if got := f.Value(fieldName); got != "bob@b-2" {
		t.Errorf("typed name was replaced: %q", got)
	}
	h.Keys("shift+tab")
	h.Keys("ctrl+u")
	h.Keys("tab")
	h.Keys("ctrl+u")
	h.Paste(ed25519Line(t, "dave@d"))
	if got := f.Value(fieldName); got != "dave@d" {
		t.Errorf("empty name not filled: %q", got)
	}
	h.Keys("esc")
	if h.Top() != nil || h.count("POST", sshKeysPath) != 0 {
		t.Error("esc did not cancel")
	}
}

func TestAddDuplicateShowsServerError(t *testing.T) {
	h := demo(t)
	key := ed25519Line(t, "twice@host")
	for i := range 2 {
		h.Keys("n", "tab")
		h.Paste(key)
		h.Keys("enter")
		if i == 0 && h.Top() != nil {
			t.Fatal("first add failed")
		}
	}
	f := h.form()
	if !errors.Is(f.Err(), api.ErrBadRequest) {
		t.Fatalf("form error %v, want a 400", f.Err())
	}
	if !strings.Contains(f.View(), "already exists") {
		t.Errorf("form does not show the server's reason:\n%s", f.View())
	}
	if f.Value(fieldKey) != key || f.Value(fieldName) != "twice@host" {
		t.Errorf("typed text lost: %q %q", f.Value(fieldName), f.Value(fieldKey))
	}
	if n := h.count("POST", sshKeysPath); n != 2 {
		t.Errorf("%d POSTs, want 2", n)
	}
	if len(h.rows()) != 6 {
		t.Errorf("%d rows, want 6", len(h.rows()))
	}
}

func TestRename(t *testing.T) {
	h := demo(t)
	r := h.selectName("ci-runner")
	h.Keys("e")
	f := h.form()
	if f.Value(0) != "ci-runner" {
		t.Fatalf("rename not prefilled: %q", f.Value(0))
	}
	h.Keys("ctrl+u")
	h.Type("ci-runner-02")
	h.Keys("enter")
	if h.Top() != nil {
		t.Fatalf("form still open:\n%s", f.View())
	}
	got := h.selectName("ci-runner-02")
	if got.ID() != r.ID() || got.fingerprint != r.fingerprint || h.LastToast() != "Renamed to “ci-runner-02”" {
		t.Errorf("row %+v, toast %q", got, h.LastToast())
	}
	if n := h.count("PATCH", sshKeysPath+"/"+r.ID()); n != 1 {
		t.Errorf("%d PATCHes, want 1", n)
	}
}

func TestRenameEmptyRefused(t *testing.T) {
	h := demo(t)
	h.selectName("ci-runner")
	h.Keys("e")
	f := h.form()
	h.Keys("ctrl+u")
	h.Keys("enter")
	if f.FieldError(0) == "" || h.count("PATCH", sshKeysPath) != 0 {
		t.Errorf("empty name: error %q, %d PATCHes", f.FieldError(0), h.count("PATCH", sshKeysPath))
	}
}

func TestDeleteConfirm(t *testing.T) {
	h := demo(t)
	r := h.selectName("home-desktop")
	h.Keys("d")
	c, ok := h.Top().(*dialog.Confirm)
	if !ok {
		t.Fatalf("top modal %T, want a confirmation", h.Top())
	}
	view := uitest.Plain(c.View())
	if !strings.Contains(view, "home-desktop") || !strings.Contains(view, r.fingerprint) {
		t.Errorf("confirmation does not name the key and its fingerprint:\n%s", c.View())
	}
	h.Keys("enter") // starts on No
	if h.Top() != nil || h.count("DELETE", sshKeysPath) != 0 || len(h.rows()) != 5 {
		t.Fatalf("enter did not cancel: modal %T, %d DELETEs", h.Top(), h.count("DELETE", sshKeysPath))
	}
	h.Keys("d")
	h.Keys("y")
	if h.Top() != nil || h.count("DELETE", sshKeysPath+"/"+r.ID()) != 1 {
		t.Fatalf("y did not delete: modal %T", h.Top())
	}
	for _, got := range h.rows() {
		if got.ID() == r.ID() {
			t.Error("row still listed")
		}
	}
	if len(h.rows()) != 4 || h.LastToast() != "SSH key “home-desktop” deleted" {
		t.Errorf("%d rows, toast %q", len(h.rows()), h.LastToast())
	}
}

func TestDeleteAlreadyGone(t *testing.T) {
	h := demo(t)
	r := h.selectName("work-laptop")
	if err := uitest.TargonClient(h.c).DeleteSSHKey(context.Background(), r.ID()); err != nil {
		t.Fatal(err)
	}
	h.Keys("d")
	h.Keys("y")
	if h.Top() != nil {
		t.Fatalf("confirmation still open:\n%s", h.Top().View())
	}
	if len(h.rows()) != 4 || h.LastToast() != "SSH key “work-laptop” deleted" {
		t.Errorf("%d rows, toast %q", len(h.rows()), h.LastToast())
	}
}

func TestDetails(t *testing.T) {
	h := demo(t)
	r := h.selectName("build-server")
	cmd := h.Deliver(uitest.Key("enter"))
	if top := firstLine(h.view.View()); !h.view.Busy() || !strings.Contains(top, "5 SSH keys   loading “build-server”…") {
		t.Errorf("while loading: busy %v\n%s", h.view.Busy(), h.view.View())
	}
	h.Run(cmd)
	if h.view.Busy() {
		t.Error("still busy")
	}
	if n := h.count("GET", sshKeysPath+"/"+r.ID()); n != 1 {
		t.Errorf("%d GETs of the key, want 1", n)
	}
	info, ok := h.Top().(*dialog.Info)
	if !ok {
		t.Fatalf("top modal %T, want details", h.Top())
	}
	view := info.View()
	for _, want := range []string{"build-server", r.ID(), "rsa 4096", r.fingerprint, "deploy@build-server", "Created", "Updated", "ago)", "y copy public key"} {
		if !strings.Contains(uitest.Plain(view), want) {
			t.Errorf("details lack %q:\n%s", want, view)
		}
	}
	// The public key is shown whole, wrapped in the pane.
	if !strings.Contains(strings.NewReplacer(" ", "", "\n", "", "│", "").Replace(view), strings.ReplaceAll(r.publicKey, " ", "")) {
		t.Errorf("public key not shown in full:\n%s", view)
	}
	for _, l := range strings.Split(view, "\n") {
		if w := len([]rune(l)); w > h.c.Width {
			t.Errorf("line wider than the screen (%d): %q", w, l)
		}
	}
	h.Keys("y")
	if h.clip.Last() != r.publicKey {
		t.Errorf("copied %q, want the public key", h.clip.Last())
	}
	h.Keys("esc")
	if h.Top() != nil {
		t.Error("esc did not close the details")
	}
}

func TestDetailsGone(t *testing.T) {
	h := demo(t)
	r := h.selectName("yubikey-5c")
	if err := uitest.TargonClient(h.c).DeleteSSHKey(context.Background(), r.ID()); err != nil {
		t.Fatal(err)
	}
	lists := h.count("GET", sshKeysPath)
	h.Keys("enter")
	if h.Top() != nil {
		t.Fatalf("modal %T opened for a gone key", h.Top())
	}
	if !strings.Contains(h.LastToast(), "no longer exists") {
		t.Errorf("toast %q", h.LastToast())
	}
	if h.count("GET", sshKeysPath) <= lists+1 || len(h.rows()) != 4 {
		t.Errorf("list not refreshed: %d rows", len(h.rows()))
	}
}

func TestDetailsUnauthorized(t *testing.T) {
	h := demo(t)
	h.selectName("ci-runner")
	h.sim.InjectFault(targontest.Fault{Method: "GET", Path: sshKeysPath + "/*", Status: 401, Times: 1})
	h.Keys("enter")
	if h.Unauthorized != 1 || h.Top() != nil {
		t.Errorf("unauthorized %d, modal %T", h.Unauthorized, h.Top())
	}
}

func TestCopyFromList(t *testing.T) {
	h := demo(t)
	r := h.selectName("work-laptop")
	h.Keys("y")
	if h.clip.Last() != r.publicKey {
		t.Errorf("copied %q, want %q", h.clip.Last(), r.publicKey)
	}
	if !strings.Contains(h.LastToast(), "copied via system clipboard") {
		t.Errorf("toast %q", h.LastToast())
	}
}

func TestNothingSelected(t *testing.T) {
	h := newHarness(t, targontest.New(targontest.WithClock(fixedNow)))
	if len(h.rows()) != 0 {
		t.Fatalf("%d rows", len(h.rows()))
	}
	for _, k := range []string{"enter", "e", "d", "y"} {
		h.Keys(k)
		if h.Top() != nil || h.LastToast() != "No SSH key selected" {
			t.Errorf("%s on an empty list: modal %T, toast %q", k, h.Top(), h.LastToast())
		}
	}
	if !strings.Contains(firstLine(h.view.View()), "0 SSH keys") {
		t.Errorf("empty view:\n%s", h.view.View())
	}
}

func TestImportPicker(t *testing.T) {
	h := demo(t)
	dir := t.TempDir()
	edKey := ed25519Line(t, "alice@laptop")
	ecKey := ecdsaLine(t, elliptic.P384(), "")
	for name, text := range map[string]string{
		"id_ed25519.pub": edKey + "\n",
		"id_ecdsa.pub":   ecKey + "\n",
		"id_ed25519":     "-----BEGIN OPENSSH PRIVATE KEY-----\n",
		"notes.txt":      "hello",
		"zz_old.pub":     rsaLine(t, 1024, "old@box"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	h.view.sshDir = dir
	h.Keys("i")
	p, ok := h.Top().(*importList)
	if !ok {
		t.Fatalf("top modal %T, want the import list", h.Top())
	}
	view := p.View()
	for _, want := range []string{"id_ecdsa.pub", "ecdsa 384", "id_ed25519.pub", "ed25519", "alice@laptop"} {
		if !strings.Contains(view, want) {
			t.Errorf("the import list lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "notes.txt") || strings.Contains(view, "PRIVATE") || strings.Count(view, "id_ed25519") != 1 {
		t.Errorf("the import list lists more than the .pub files:\n%s", view)
	}
	if !strings.Contains(view, "zz_old.pub") || !strings.Contains(view, "✗") {
		t.Errorf("the import list does not flag the unusable file:\n%s", view)
	}
	// Files are sorted: id_ecdsa.pub, id_ed25519.pub, zz_old.pub, which
	// cannot be imported: enter on it says why and stays.
	h.Keys("G")
	h.Keys("enter")
	if h.Top() != p || !strings.Contains(uitest.Plain(p.View()), "zz_old.pub: RSA keys must have at least 2048 bits (this one has 1024)") {
		t.Fatalf("enter on an unusable file:\n%s", h.Top().View())
	}
	h.Keys("g")
	h.Keys("j")
	h.Keys("k")
	h.Keys("down")
	h.Keys("enter")
	f := h.form()
	if f.Value(fieldName) != "alice@laptop" || f.Value(fieldKey) != edKey {
		t.Errorf("form prefilled with %q %q", f.Value(fieldName), f.Value(fieldKey))
	}
	h.Keys("esc")
	h.Keys("i")
	h.Keys("enter") // id_ecdsa.pub: no comment, named after the file
	f = h.form()
	if f.Value(fieldName) != "id_ecdsa" || f.Value(fieldKey) != ecKey {
		t.Errorf("form prefilled with %q %q", f.Value(fieldName), f.Value(fieldKey))
	}
	h.Keys("tab")
	h.Keys("enter")
	if h.Top() != nil || h.rows()[0].name != "id_ecdsa" || h.rows()[0].typ != "ecdsa 384" {
		t.Errorf("import not added: modal %T, first row %+v", h.Top(), h.rows()[0])
	}
	if h.Modals.Len() != 0 {
		t.Errorf("%d modals left", h.Modals.Len())
	}
}

func TestImportPickerEmptyAndMissing(t *testing.T) {
	h := demo(t)
	for _, tc := range []struct{ dir, want string }{
		{t.TempDir(), "No public keys (*.pub) in"},
		{filepath.Join(t.TempDir(), "nope"), "does not exist"},
	} {
		h.view.sshDir = tc.dir
		h.Keys("i")
		p, ok := h.Top().(*importList)
		if !ok {
			t.Fatalf("top modal %T, want the import list", h.Top())
		}
		if !strings.Contains(p.View(), tc.want) {
			t.Errorf("the import list for %s lacks %q:\n%s", filepath.Base(tc.dir), tc.want, p.View())
		}
		h.Keys("enter")
		if h.Top() != nil {
			t.Error("enter on an empty import list did not close it")
		}
	}
	h.Keys("i")
	h.Keys("esc")
	if h.Top() != nil {
		t.Error("esc did not close the import list")
	}
}

func TestFilterTypingIsText(t *testing.T) {
	h := demo(t)
	before := len(h.sim.Requests())
	h.Keys("/")
	if !h.view.Capturing() {
		t.Fatal("filter not focused")
	}
	for _, k := range []string{"n", "d", "q", "i", "e", "y"} {
		h.Keys(k)
	}
	if h.Top() != nil || len(h.Toasts) != 0 || len(h.sim.Requests()) != before || h.clip.Last() != "" {
		t.Errorf("letters in the filter ran actions: modal %T, toasts %v", h.Top(), h.Toasts)
	}
	if got := h.view.Table.List.FilterValue(); got != "ndqiey" {
		t.Errorf("filter %q", got)
	}
	h.Keys("esc")
	h.Keys("/")
	h.Type("yubi")
	h.Keys("enter")
	if h.view.Capturing() || h.selected().name != "yubikey-5c" {
		t.Errorf("filter by name: capturing %v, selected %q", h.view.Capturing(), h.selected().name)
	}
}

func TestFilterMatchesCommentAndFingerprint(t *testing.T) {
	h := demo(t)
	r := h.selectName("ci-runner")
	for _, q := range []string{"runner-01", r.fingerprint[7:20], r.ID()} {
		if !strings.Contains(r.FilterValue(), strings.ToLower(q)) {
			t.Errorf("filter value %q lacks %q", r.FilterValue(), q)
		}
	}
}

func TestHelp(t *testing.T) {
	h := demo(t)
	var keys []string
	for _, b := range h.view.ShortHelp() {
		keys = append(keys, b.Help().Key+" "+b.Help().Desc)
	}
	got := strings.Join(keys, ", ")
	for _, want := range []string{"n add", "i import", "e rename", "d delete", "y copy", "enter details", "/ filter"} {
		if !strings.Contains(got, want) {
			t.Errorf("short help %q lacks %q", got, want)
		}
	}
	if h.c.Keys.New.Help().Desc != "new" {
		t.Error("ShortHelp changed the shared key map")
	}
	if len(h.view.FullHelp()) == 0 || h.view.Title() != "SSH keys" {
		t.Error("FullHelp or Title")
	}
}
