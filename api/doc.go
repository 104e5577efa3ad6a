// Package api is the provider-neutral contract the UI programs against:
// Account and its optional capabilities, Provider (names and words),
// Key, SSHKey, Balance, Secret and Amount, the error sentinels and error
// types, the one page walker, and CleanText, the project's one sanitiser.
//
// The sanitising boundary: the provider adapters (api/targon,
// api/openrouter) clean every display string they hand out with
// CleanText, error messages built from a server's text included, and
// validate secrets instead of cleaning them; an Amount is a JSON number.
// The UI draws what an Account returns as it is, and cleans only text
// that reaches it some other way.
//
// It imports only the standard library; every other package of the
// project may import it.
package api
